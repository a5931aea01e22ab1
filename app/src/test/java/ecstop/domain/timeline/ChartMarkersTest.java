package ecstop.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartMarkersTest {
    private static final Instant T = Instant.parse("2026-12-05T14:00:00Z");

    private static Marker at(int minute, MarkerKind kind, String text) {
        return new Marker(T.plusSeconds(60L * minute), kind, text);
    }

    private final Markers markers = Markers.of(List.of(
            at(30, MarkerKind.OOM_KILL, "an OOM kill"),
            at(10, MarkerKind.DEPLOYMENT_STARTED, "the deployment of :42"),
            at(20, MarkerKind.DEPLOYMENT_COMPLETED, "the deployment of :42 completing")));

    @Test
    void keepsTimeOrderWhateverOrderTheyCameIn() {
        assertThat(markers.inOrder()).extracting(Marker::kind).containsExactly(
                MarkerKind.DEPLOYMENT_STARTED, MarkerKind.DEPLOYMENT_COMPLETED, MarkerKind.OOM_KILL);
    }

    @Test
    void leftFromNowSelectsTheNewestThenWalksBackAndStopsAtTheOldest() {
        OptionalInt s = OptionalInt.empty();
        s = markers.step(s, -1);
        assertThat(s).hasValue(2);
        s = markers.step(s, -1);
        assertThat(s).hasValue(1);
        s = markers.step(s, -1);
        assertThat(s).hasValue(0);
        assertThat(markers.step(s, -1)).hasValue(0);
        assertThat(markers.at(s)).map(Marker::text).contains("the deployment of :42");
    }

    @Test
    void rightFromTheNewestReturnsToNowAndStaysThere() {
        assertThat(markers.step(OptionalInt.of(1), 1)).hasValue(2);
        assertThat(markers.step(OptionalInt.of(2), 1)).isEmpty();
        assertThat(markers.step(OptionalInt.empty(), 1)).isEmpty();
    }

    @Test
    void aSelectionLeftFromALongerListCountsAsNow() {
        assertThat(markers.step(OptionalInt.of(7), -1)).hasValue(2);
        assertThat(markers.at(OptionalInt.of(7))).isEmpty();
        assertThat(Markers.NONE.step(OptionalInt.empty(), -1)).isEmpty();
    }

    @Test
    void withinKeepsTheHalfOpenWindow() {
        assertThat(markers.within(T.plusSeconds(600), T.plusSeconds(1800)).inOrder())
                .extracting(Marker::kind).containsExactly(MarkerKind.DEPLOYMENT_STARTED, MarkerKind.DEPLOYMENT_COMPLETED);
    }

    @Test
    void theCauseIsTheNewestChangeNotAnIncident() {
        Instant late = T.plusSeconds(3600);
        assertThat(markers.lastChangeBefore(late, T)).map(Marker::kind).contains(MarkerKind.DEPLOYMENT_COMPLETED);
        assertThat(markers.lastChangeBefore(T.plusSeconds(600), T)).map(Marker::kind).contains(MarkerKind.DEPLOYMENT_STARTED);
        assertThat(markers.lastChangeBefore(T.plusSeconds(599), T)).isEmpty();
        assertThat(markers.lastChangeBefore(late, T.plusSeconds(1500))).isEmpty();
    }

    @Test
    void everyKindHasItsOwnGlyphLetterAndRank() {
        MarkerKind[] kinds = MarkerKind.values();
        Set<Character> glyphs = new HashSet<>();
        Set<Character> letters = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (MarkerKind k : kinds) {
            glyphs.add(k.mark(false));
            letters.add(k.mark(true));
            ranks.add(k.rank());
            assertThat(k.mark(true)).isBetween(' ', '~');
            assertThat(k.word()).isNotBlank();
        }
        assertThat(glyphs).hasSize(kinds.length);
        assertThat(letters).hasSize(kinds.length);
        assertThat(ranks).hasSize(kinds.length);
        assertThat(Arrays.stream(kinds).filter(MarkerKind::change))
                .doesNotContain(MarkerKind.OOM_KILL, MarkerKind.CRASH);
    }
}
