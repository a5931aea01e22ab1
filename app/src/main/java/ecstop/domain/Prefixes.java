package ecstop.domain;

import java.util.Collection;
import java.util.List;

/**
 * The original script stripped the names' shared prefix and then a leading '-' or '_'.
 * Character-wise that turns "storage-prod_register" and "storage-prod_replicator" into
 * "gister" and "plicator"; we cut the shared prefix back to its last separator instead, and
 * never strip a name to nothing.
 */
public final class Prefixes {
    private static final String SEPARATORS = "-_./:";

    private Prefixes() {}

    /** The shared prefix to strip, ending in a separator, or "" when there is none worth stripping. */
    public static String common(Collection<String> names) {
        if (names.size() < 2) {
            return "";
        }
        List<String> list = List.copyOf(names);
        String first = list.get(0);
        int len = first.length();
        for (String n : list) {
            int i = 0;
            int max = Math.min(len, n.length());
            while (i < max && first.charAt(i) == n.charAt(i)) {
                i++;
            }
            len = i;
        }
        int cut = len;
        while (cut > 0 && SEPARATORS.indexOf(first.charAt(cut - 1)) < 0) {
            cut--;
        }
        if (cut == 0) {
            return "";
        }
        String prefix = first.substring(0, cut);
        for (String n : list) {
            if (n.length() == prefix.length()) {
                return "";
            }
        }
        return prefix;
    }

    public static String strip(String name, String prefix) {
        return !prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
}
