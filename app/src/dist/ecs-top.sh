#!/bin/sh
# ecs-top from the release tarball: its own Java runtime (runtime/), the jar and a
# class-data archive recorded for both (lib/). No JDK needed. bin/ecs-top may be linked
# from anywhere on PATH: it finds its home through the link.
# The JVM flags are those of the repository's ./ecs-top (the dist test keeps them in step):
# serial GC and a bounded heap kept near what is live, C1 only, small thread stacks.
set -e
self=$(readlink -f "$0" 2>/dev/null || printf '%s' "$0")
home=$(cd "$(dirname "$self")/.." && pwd)
# JDK 17 accepts a class-data archive only when the jar is found under the very path the
# archive was recorded with, and a tarball can be unpacked anywhere. So the jar is opened
# on descriptor 9 and handed to the JVM as /dev/fd/9, the path the build recorded with.
# A jar or runtime that no longer matches the archive only costs start-up time:
# -Xlog:disable keeps the JVM's note about it off the screen the UI is about to own.
exec 9<"$home/lib/ecs-top.jar"
exec "$home/runtime/bin/java" -XX:+UseSerialGC -Xms16m -Xmx256m -Xmn10m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:TieredStopAtLevel=1 -Xss512k -XX:-UsePerfData \
  -Dfile.encoding=UTF-8 -XX:SharedArchiveFile="$home/lib/ecs-top.jsa" -Xlog:disable -jar /dev/fd/9 "$@"
