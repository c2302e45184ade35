#!/usr/bin/env python3
"""CPU per component of a local Hutong run, every 2 s, read from /proc (Linux): Liberty, PostgreSQL,
Artemis, Kafka and the Maven JVM that runs the tests or benchmark. 100 % is one core.

    python3 ear/src/test/python/cpu_split.py SECONDS

Run it beside `mvn verify -Pbenchmark` to see which process a throughput figure is waiting for."""
import os
import re
import sys
import time

PATTERNS = {'liberty': r'ws-server\.jar', 'postgres': r'postgres', 'artemis': r'artemis',
            'kafka': r'kafka\.Kafka', 'maven': r'plexus-classworlds'}


def ticks():
    totals = {}
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/cmdline', 'rb') as f:
                command = f.read().replace(b'\0', b' ').decode(errors='ignore')
            with open(f'/proc/{pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        for name, pattern in PATTERNS.items():
            if re.search(pattern, command):
                totals[(name, pid)] = int(fields[11]) + int(fields[12])
                break
    return totals


def main():
    hz = os.sysconf('SC_CLK_TCK')
    end = time.time() + float(sys.argv[1] if len(sys.argv) > 1 else 60)
    previous = ticks()
    while time.time() < end:
        time.sleep(2)
        current = ticks()
        used = {}
        for key, value in current.items():
            # a process that started within the interval counts from zero
            used[key[0]] = used.get(key[0], 0) + value - previous.get(key, 0)
        print(time.strftime('%H:%M:%S'), ' '.join(f'{name}={used.get(name, 0) / hz / 2 * 100:.0f}%'
                                                  for name in PATTERNS), flush=True)
        previous = current


if __name__ == '__main__':
    main()
