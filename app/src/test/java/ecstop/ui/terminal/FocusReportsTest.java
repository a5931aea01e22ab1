package ecstop.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lanterna's own decoder, with its default patterns and ours, reading what a terminal sends. */
class FocusReportsTest {
    private static List<KeyStroke> decode(String input, boolean withFocus) throws IOException {
        InputDecoder d = new InputDecoder(new StringReader(input));
        d.addProfile(new DefaultKeyDecodingProfile());
        if (withFocus) {
            d.addProfile(FocusReports.PROFILE);
        }
        List<KeyStroke> out = new ArrayList<>();
        for (KeyStroke k = d.getNextCharacter(true); k.getKeyType() != KeyType.EOF; k = d.getNextCharacter(true)) {
            out.add(k);
        }
        return out;
    }

    private static String describe(List<KeyStroke> keys) {
        return String.join(" ", keys.stream().map(k -> k instanceof FocusReports.FocusStroke f ? (f.in() ? "IN" : "OUT")
                : k.getKeyType() == KeyType.Character ? (k.isAltDown() ? "Alt-" : "") + k.getCharacter()
                : k.getKeyType().name()).toList());
    }

    @Test
    void focusReportsBecomeFocusStrokesAmongOrdinaryKeys() throws IOException {
        assertThat(describe(decode("j\u001b[Ok\u001b[I\u001b[Aq", true))).isEqualTo("j OUT k IN ArrowUp q");
    }

    @Test
    void withoutThePatternLanternaWouldTypeTheirLastLetter() throws IOException {
        // the reason for the pattern: ESC [ I would reach the keys as Alt-[ and a stray I
        assertThat(describe(decode("\u001b[I", false))).isEqualTo("Alt-[ I");
    }

    @Test
    void otherEscapeSequencesAndEscapeItselfAreUntouched() throws IOException {
        assertThat(describe(decode("\u001b[B\u001b[5~\u001b[Z", true))).isEqualTo("ArrowDown PageUp ReverseTab");
        assertThat(describe(decode("\u001b", true))).isEqualTo("Escape");
    }

    @Test
    void theModeIsXterms1004() {
        assertThat(FocusReports.ON).isEqualTo("\u001b[?1004h");
        assertThat(FocusReports.OFF).isEqualTo("\u001b[?1004l");
    }
}
