package dev.replyclock.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Something the config names that cannot be used when the daemon starts (a key or secret file missing,
 * unreadable or unusable): {@code run} prints it as one line, with its key, the file and the fix, and exits 2.
 * Unchecked because it comes out of start-up wiring that only Kafka's runtime exceptions otherwise cross.
 */
public final class StartupFailure extends RuntimeException {

    private final transient ConfigProblem problem;

    public StartupFailure(ConfigProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    public ConfigProblem problem() {
        return problem;
    }

    /** Reads a file a key names; throws {@link IOException} (or an unchecked one) when it cannot. */
    @FunctionalInterface
    public interface FileRead<T> {
        T read() throws IOException;
    }

    /**
     * Runs {@code read}; a failure becomes a {@link StartupFailure} naming {@code key}, its value ({@code file},
     * or what else the key names), what is wrong and {@code fix}.
     */
    public static <T> T reading(String key, Object file, String fix, FileRead<T> read) {
        try {
            try {
                return read.read();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } catch (NoSuchFileException e) {
            throw new StartupFailure(new ConfigProblem(key, String.valueOf(file), "file not found; " + fix), e);
        } catch (AccessDeniedException e) {
            throw new StartupFailure(new ConfigProblem(key, String.valueOf(file),
                    "cannot read it (permission denied): let the daemon's user read it, or " + fix), e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new StartupFailure(new ConfigProblem(key, String.valueOf(file), what(e) + "; " + fix), e);
        }
    }

    /** The innermost useful message, on one line (never a stack trace). */
    public static String what(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof UncheckedIOException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }
}
