package ecstop.ui.screenshot;

import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import ecstop.testfleet.FakeFleet;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ScreenshotRendererTest {
    private static final UiOptions OPTIONS = UiOptions.defaults().withClock(FakeFleet.CLOCK).withHeader("prod · eu-west-1");

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void cellsBecomeAWellFormedGridWithTheirColours() throws Exception {
        Headless h = Headless.open(new FakeFleet(), OPTIONS.withCluster("storage-prod"),
                new TerminalSize(80, 24)).settle();
        String svg = ScreenshotRenderer.svg(h.terminal());
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("672.0");
        assertThat(root.getAttribute("height")).isEqualTo("408.0");
        String red = ScreenshotRenderer.hex(TextColor.ANSI.RED, "");
        NodeList texts = doc.getElementsByTagName("text");
        boolean hotFigure = false;
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getTextContent().contains("98.2%")) {
                hotFigure = t.getAttribute("fill").equals(red) && t.getAttribute("class").equals("b");
            }
        }
        assertThat(hotFigure).as("98.2%% drawn bold in red").isTrue();
        // the focused row's highlight is a background rectangle
        assertThat(svg).contains("fill=\"" + ScreenshotRenderer.hex(TextColor.ANSI.BLUE, "") + "\"");
    }

    @Test
    void markupInNamesIsEscaped() throws Exception {
        FakeFleet fleet = new FakeFleet().add(FakeFleet.cluster("x", "arn", 1, 1, 0, java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty()), java.util.List.of(new FakeFleet.Spec("<script>&\"", 50, 50)));
        Headless h = Headless.open(fleet, OPTIONS.withCluster("x"), new TerminalSize(80, 24)).settle()
                .press(KeyType.Enter);
        String svg = ScreenshotRenderer.svg(h.terminal());
        parse(svg);
        assertThat(svg).contains("&lt;script&gt;&amp;&quot;").doesNotContain("<script>");
    }
}
