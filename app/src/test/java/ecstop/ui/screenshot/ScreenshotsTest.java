package ecstop.ui.screenshot;

import ecstop.ui.terminal.UiOptions;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.config.ColourMode;
import ecstop.testfleet.FakeFleet;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenshotsTest {
    @TempDir
    Path dir;

    @Test
    void everySceneAsSvgAndPngOfItsTerminalSize() throws Exception {
        UiOptions options = UiOptions.defaults().withClock(FakeFleet.CLOCK).withColour(ColourMode.TRUECOLOR);
        List<Path> files = Screenshots.write(region -> new FakeFleet(), options, dir.resolve("shots"));

        assertThat(files).hasSize(2 * Screenshots.SCENES.size());
        for (Screenshots.Scene s : Screenshots.SCENES) {
            BufferedImage png = ImageIO.read(dir.resolve("shots/" + s.name() + ".png").toFile());
            assertThat(png.getWidth()).as(s.name()).isEqualTo(s.size().getColumns() * ScreenshotImage.CELL_W);
            assertThat(png.getHeight()).as(s.name()).isEqualTo(s.size().getRows() * ScreenshotImage.CELL_H);
            assertThat(Files.readString(dir.resolve("shots/" + s.name() + ".svg"), StandardCharsets.UTF_8))
                    .startsWith("<svg").contains(s.cluster() == null ? ">all<" : s.cluster()); // SVG text runs split at spaces
        }
        assertThat(Files.readString(dir.resolve("shots/detail.svg"), StandardCharsets.UTF_8)).contains("hourly");
        assertThat(Files.readString(dir.resolve("shots/help.svg"), StandardCharsets.UTF_8)).contains("Keys");
        assertThat(Files.readString(dir.resolve("shots/rightsize.svg"), StandardCharsets.UTF_8)).contains(">Right-size<");
    }
}
