# PGXS build of cartridge.so, and the project's entry points:
#   make demo   installs what is missing, builds, runs the main job on a sample database
#   make test   installs what is missing, then unit (ctest), regress (pg_regress), e2e (pytest)
#   make bench  benchmarks with ratios against baselines measured in the same run
EXTENSION   = cartridge
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" cartridge.control)
MODULE_big  = cartridge
OBJS        = $(patsubst %.cpp,%.o,$(wildcard src/core/*.cpp src/pg/*.cpp))
DATA        = $(wildcard sql/cartridge--*.sql)
# pg_regress inputs are the other files in sql/; `make installcheck` runs them (see below).
REGRESS     = $(filter-out cartridge--%,$(basename $(notdir $(wildcard sql/*.sql))))
NO_INSTALLCHECK = 1

PG_CONFIG  ?= pg_config
override with_llvm = no

YAML_CPP_VERSION := $(shell pkg-config --modversion yaml-cpp 2>/dev/null)
PG_CPPFLAGS = -isystem $(shell $(PG_CONFIG) --includedir-server) -isystem $(shell $(PG_CONFIG) --includedir) -Isrc
PG_CXXFLAGS = -std=c++17 -Wall -Wextra -fPIC \
              -DCARTRIDGE_VERSION='"$(EXTVERSION)"' \
              -DCARTRIDGE_YAML_CPP_VERSION='"$(YAML_CPP_VERSION)"'
SHLIB_LINK  = -lcurl -larchive -lyaml-cpp -lfmt -lpq -lstdc++

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Headers are not tracked by PGXS; rebuild everything when one changes.
$(OBJS): $(wildcard src/core/*.hpp src/pg/*.hpp) cartridge.control

.PHONY: deps demo test unit installcheck e2e bench accuracy

deps:
	scripts/install-deps.sh

installcheck:
	scripts/regress.sh $(REGRESS)

unit:
	scripts/unit.sh

e2e:
	scripts/e2e.sh

# Precision/recall of relationship inference and classification accuracy on the sample
# databases (the bars are asserted by test/e2e/test_accuracy.py in `make test`), and on the
# held-out schemas of test/data/heldout (their bars only here: exits 1 while one fails).
accuracy: deps
	$(MAKE) all
	$(MAKE) install
	.venv/bin/python test/accuracy/accuracy.py

demo: deps
	$(MAKE) all
	$(MAKE) install
	scripts/demo.sh

test: deps
	$(MAKE) all
	$(MAKE) install
	scripts/unit.sh
	scripts/regress.sh $(REGRESS)
	scripts/e2e.sh

bench: deps
	$(MAKE) all
	$(MAKE) install
	scripts/bench.sh
