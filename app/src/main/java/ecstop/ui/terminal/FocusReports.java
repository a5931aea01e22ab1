package ecstop.ui.terminal;

import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * xterm's focus reporting (mode 1004; tmux passes it on with {@code set -g focus-events on}):
 * switched on at start and off on restore, after which the terminal sends ESC [ I when the
 * pane gains the focus and ESC [ O when it loses it. Lanterna knows neither sequence (its
 * escape-sequence pattern gives up on them, and ESC [ would then read as Alt-[ followed by a
 * stray I or O), so {@link #PROFILE} adds a pattern that turns them into {@link FocusStroke}
 * strokes, which the input thread posts as {@link UiEvent.Focus}.
 */
final class FocusReports {
    static final String ON = "\u001b[?1004h";
    static final String OFF = "\u001b[?1004l";
    private static final char ESC = KeyDecodingProfile.ESC_CODE;

    private FocusReports() {}

    /** A focus report, read from the input like a key. */
    static final class FocusStroke extends KeyStroke {
        private final boolean in;

        FocusStroke(boolean in) {
            super(KeyType.Unknown);
            this.in = in;
        }

        boolean in() { return in; }

        @Override
        public String toString() { return in ? "FocusIn" : "FocusOut"; }
    }

    /** ESC [ I and ESC [ O, exactly; a prefix of either waits for more. */
    static final CharacterPattern PATTERN = seq -> {
        int n = seq.size();
        if (n > 3 || n >= 1 && seq.get(0) != ESC || n >= 2 && seq.get(1) != '[') {
            return null;
        }
        if (n < 3) {
            return CharacterPattern.Matching.NOT_YET;
        }
        char last = seq.get(2);
        return last == 'I' ? new CharacterPattern.Matching(new FocusStroke(true))
                : last == 'O' ? new CharacterPattern.Matching(new FocusStroke(false)) : null;
    };

    static final KeyDecodingProfile PROFILE = () -> List.of(PATTERN);
}
