#!/bin/sh
# Builds target/dist/ecs-top-VERSION-linux-ARCH.tar.gz (run by app/pom.xml in the package
# phase, after the shaded jar): a Java runtime made by jlink with only the modules the jar
# needs, the jar, a class-data archive recorded on that runtime, bin/ecs-top, and the bash
# completion. Usage: make-dist.sh JAVA_HOME VERSION TARGET_DIR
set -eu
java_home=$1 version=$2 target=$3
src=$(cd "$(dirname "$0")" && pwd)
jar="$target/ecs-top.jar"

if [ ! -d "$java_home/jmods" ]; then
  echo "make-dist: jlink needs the JDK's jmods, and $java_home/jmods is missing" \
    "(Debian: apt-get install openjdk-17-jdk-headless); or build with -Ddist.skip=true" >&2
  exit 1
fi
case $(uname -m) in
  x86_64|amd64) arch=x64 ;;
  *) arch=$(uname -m) ;;
esac
name="ecs-top-$version-linux-$arch"
dist="$target/dist"
stage="$dist/$name"
rm -rf "$dist"
mkdir -p "$stage/bin" "$stage/lib" "$stage/share/bash-completion/completions" "$stage/share/ecs-top"

# jdeps reads the jar's static references. Three modules are reached only by name at run
# time, where jdeps cannot see them: jdk.crypto.ec (the EC ciphers TLS to AWS negotiates),
# jdk.unsupported (Lanterna finds sun.misc.Signal by reflection to hear SIGWINCH) and
# jdk.charsets (the locale's charset, asked whether it can draw block characters).
modules=$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
modules="$modules,jdk.crypto.ec,jdk.unsupported,jdk.charsets"
# --generate-cds-archive: the runtime's own archive of the JDK's classes, which the app's
# archive below is recorded on top of. The no-compressed-oops variant is for heaps past
# 32 GB; the launcher caps the heap at 256 MB, so it goes.
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive --output "$stage/runtime" >/dev/null
rm -f "$stage/runtime/lib/server/classes_nocoops.jsa"

cp -p "$jar" "$stage/lib/ecs-top.jar"
cp "$src/ecs-top.sh" "$stage/bin/ecs-top"
chmod 755 "$stage/bin/ecs-top"
cp "$src/../../../config/ecs-top.properties" "$stage/share/ecs-top/ecs-top.properties"

# The training run: a demo snapshot through the launcher's own JVM and jar path, recording
# the classes it loads. Written to a temporary file and renamed only on success: a JDK 17
# JVM dies on a truncated archive. The log and config stay inside target/.
training="$target/dist-training"
rm -rf "$training"
(
  exec 9<"$stage/lib/ecs-top.jar"
  XDG_STATE_HOME="$training" XDG_CONFIG_HOME="$training" "$stage/runtime/bin/java" \
    -XX:+UseSerialGC -Xms16m -Xmx256m -XX:TieredStopAtLevel=1 -Xss512k -Dfile.encoding=UTF-8 \
    -XX:ArchiveClassesAtExit="$stage/lib/ecs-top.jsa.tmp" -Xlog:disable \
    -jar /dev/fd/9 --demo --once --cluster storage-prod >/dev/null
)
if [ ! -s "$stage/lib/ecs-top.jsa.tmp" ]; then
  echo "make-dist: the training run recorded no class-data archive" >&2
  exit 1
fi
mv -f "$stage/lib/ecs-top.jsa.tmp" "$stage/lib/ecs-top.jsa"
chmod 644 "$stage/lib/ecs-top.jsa"

XDG_STATE_HOME="$training" XDG_CONFIG_HOME="$training" "$stage/bin/ecs-top" completion bash \
  > "$stage/share/bash-completion/completions/ecs-top"

tar -C "$dist" -czf "$dist/$name.tar.gz" "$name"
