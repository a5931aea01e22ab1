package ecstop.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ecstop.testfleet.FakeFleet;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void print() {
        UiOptions o = UiOptions.defaults().withClock(FakeFleet.CLOCK).withHeader("eu-west-1 · prod").withCluster("storage-prod");
        Headless h = Headless.open(new FakeFleet(), o, new TerminalSize(80, 24));
        System.out.println(h.text());
        h.settle();
        System.out.println(h.text());
        h.press(KeyType.Enter);
        System.out.println(h.text());
        h.resize(new TerminalSize(200, 50));
        System.out.println(h.text());
        h.type("?");
        System.out.println(h.text());
    }
}
