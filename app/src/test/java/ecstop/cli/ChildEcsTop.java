package ecstop.cli;

import ecstop.testing.RunClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real command in a child JVM with a temporary home, AWS config and state directory: the
 * SDK finds profiles and the SSO token cache through $HOME and AWS_* variables, which a JVM
 * cannot change for itself. No AWS_, ECS_TOP_ or XDG_ variable of the caller leaks in.
 */
final class ChildEcsTop {
    record Result(int exit, String out, String err) {}

    private ChildEcsTop() {}

    static Result run(Path home, Map<String, String> moreEnv, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out").toFile())
                .redirectError(home.resolve("err").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ECS_TOP_") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.putAll(moreEnv);
        RunClock.carried(env);
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ecs-top did not finish");
        }
        return new Result(p.exitValue(), Files.readString(home.resolve("out")), Files.readString(home.resolve("err")));
    }
}
