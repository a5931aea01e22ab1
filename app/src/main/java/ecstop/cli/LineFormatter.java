package ecstop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One line a record (plus the stack trace, if any), UTC timestamps. */
final class LineFormatter extends Formatter {
    @Override
    public String format(LogRecord r) {
        StringBuilder sb = new StringBuilder(128)
                .append(Instant.ofEpochMilli(r.getMillis()))
                .append(' ').append(r.getLevel().getName())
                .append(' ').append(r.getLoggerName())
                .append(": ").append(formatMessage(r))
                .append('\n');
        if (r.getThrown() != null) {
            StringWriter sw = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(sw));
            sb.append(sw);
        }
        return sb.toString();
    }
}
