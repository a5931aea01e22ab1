package ecstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixesTest {
    @Test
    void cutsTheSharedPrefixBackToItsLastSeparator() {
        List<String> names = List.of("storage-prod_register", "storage-prod_replicator", "storage-prod_ingests");
        assertThat(Prefixes.common(names)).isEqualTo("storage-prod_");
        assertThat(Prefixes.strip("storage-prod_replicator", "storage-prod_")).isEqualTo("replicator");
    }

    @Test
    void theOriginalScriptsCharacterCutWouldHaveMangledNames() {
        assertThat(Prefixes.common(List.of("storage-prod_register", "storage-prod_replicator")))
                .isEqualTo("storage-prod_");
    }

    @Test
    void neverStripsANameToNothing() {
        assertThat(Prefixes.common(List.of("api", "api-worker"))).isEmpty();
        assertThat(Prefixes.common(List.of("web-", "web-a"))).isEmpty();
        assertThat(Prefixes.common(List.of("only-one"))).isEmpty();
        assertThat(Prefixes.common(List.of())).isEmpty();
    }

    @Test
    void noSharedSeparatorNoPrefix() {
        assertThat(Prefixes.common(List.of("alpha", "alphabet"))).isEmpty();
        assertThat(Prefixes.common(List.of("a-x", "b-x"))).isEmpty();
    }

    @Test
    void stripLeavesOtherNamesAlone() {
        assertThat(Prefixes.strip("other", "storage-prod_")).isEqualTo("other");
    }
}
