# spikecheck: one hand-written GNU Makefile.  Sources are found by wildcard,
# so adding a file under src/*/ or theorems/ needs no edit here.

ARB_LIBS ?= -lflint-arb -lflint
CFLAGS   ?= -O2 -g
# the project's own flags stay even when CFLAGS is given on the command line
# -ffp-contract=off: no fused multiply-add, so that doubles that steer a
# computation (heuristics; never a decision) round the same on every machine
SC_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -ffp-contract=off \
            -Wall -Wextra -Wpedantic \
            -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Werror=implicit-function-declaration \
            -Werror=incompatible-pointer-types -Iinclude -Isrc -I.
LIBS     := $(ARB_LIBS) -lmpfr -lgmp -ljansson -lm
TEST_LIBS := -lcmocka
Q ?= @
# worker processes of `make report` and `make claims` (the reports do not
# depend on it)
JOBS ?= $(shell nproc 2> /dev/null || echo 1)

BUILD    ?= build
LIB_SRC  := $(sort $(wildcard src/*/*.c theorems/*.c theorems/*/*.c))
LIB_SRC  := $(filter-out src/cli/%,$(LIB_SRC))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS    := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
BENCHES  := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
LIB      := $(BUILD)/libspikecheck.a

.PHONY: all test sanitize valgrind bench clean deps report fuzz check claims \
        install uninstall man test-install test-slurm
all: spikecheck

# make install PREFIX=DIR   the binary to DIR/bin, the manual page (made
#                           by the binary itself: help --man) to
#                           DIR/share/man/man1; DESTDIR for staging
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man

# installs the Debian packages that are missing (apt-get only when needed)
deps:
	$(Q)sh .ci/install-deps

# the main job: saved counterexamples first, then the showcase and the
# default suite; the summary on stdout, HTML, JSON, JUnit and Markdown
# under reports/, new counterexamples saved under cases/regressions/.
# Then the family claims (sweep cases/families/*.json) into
# reports/families.*.
# VIOLATED (exit 1) and UNDECIDED (exit 3) are findings the report shows,
# not a failure of the job; input and output errors (exit 2) are.
report: spikecheck
	$(Q)mkdir -p reports cases/regressions
	./spikecheck check --jobs $(JOBS) --json reports/default.json --html reports/default.html \
	    --junit reports/default.xml --markdown reports/default.md --precision 53 \
	    --save-counterexamples cases/regressions \
	    cases/regressions cases/showcase cases/figure3 cases/default \
	    cases/default-logistic cases/tight; rc=$$?; \
	    if [ $$rc -eq 0 ] || [ $$rc -eq 1 ] || [ $$rc -eq 3 ]; then \
	        echo "report: reports/default.html (spikecheck exit $$rc)"; \
	    else exit $$rc; fi
	./spikecheck sweep --jobs $(JOBS) --json reports/families.json --html reports/families.html \
	    --junit reports/families.xml --markdown reports/families.md \
	    cases/families/*.json; rc=$$?; \
	    if [ $$rc -eq 0 ] || [ $$rc -eq 1 ] || [ $$rc -eq 3 ]; then \
	        echo "report: reports/families.html (spikecheck exit $$rc)"; \
	    else exit $$rc; fi

spikecheck: $(BUILD)/spikecheck
	$(Q)cp $< $@

$(BUILD)/spikecheck: $(CLI_OBJ) $(LIB)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LIBS) $(LDLIBS)

$(BUILD)/spikecheck.1: $(BUILD)/spikecheck
	@echo "  MAN     $@"
	$(Q)$< help --man > $@.tmp && mv $@.tmp $@

man: $(BUILD)/spikecheck.1

install: $(BUILD)/spikecheck $(BUILD)/spikecheck.1
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1"
	install -m 755 $(BUILD)/spikecheck "$(DESTDIR)$(BINDIR)/spikecheck"
	install -m 644 $(BUILD)/spikecheck.1 "$(DESTDIR)$(MANDIR)/man1/spikecheck.1"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/spikecheck" "$(DESTDIR)$(MANDIR)/man1/spikecheck.1"

$(LIB): $(LIB_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) $(SC_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) $(SC_CFLAGS) -Itests -MMD -MP -o $@ $< $(LIB) $(LIBS) $(TEST_LIBS) $(LDLIBS)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) $(SC_CFLAGS) -MMD -MP -o $@ $< $(LIB) $(LIBS) $(LDLIBS)

# make test            every tests/test_*.c, stopping at the first failure
# make test MOD=load   only tests/test_load.c
ifdef MOD
TESTS := $(BUILD)/tests/test_$(MOD)
endif
SPIKECHECK ?= $(BUILD)/spikecheck
test: $(TESTS) $(BUILD)/spikecheck
	$(Q)set -e; for t in $(TESTS); do echo "== $$t"; $$t; done; \
	 sh tests/cli.sh $(SPIKECHECK)
	$(Q)if command -v python3 > /dev/null; then python3 tests/include_cycles.py; \
	 else echo "note: no python3: include cycles not checked"; fi
	$(Q)$(MAKE) --no-print-directory test-install

# install into a temporary prefix, run the installed binary, its manual
# page and a printed replay line from there, uninstall
test-install: $(BUILD)/spikecheck $(BUILD)/spikecheck.1
	$(Q)d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	 $(MAKE) --no-print-directory -s install PREFIX="$$d/p q" > "$$d/log" && \
	 sh tests/install.sh "$$d/p q" && \
	 $(MAKE) --no-print-directory -s uninstall PREFIX="$$d/p q" >> "$$d/log" && \
	 sh tests/install.sh --uninstalled "$$d/p q"

# the claims regression: every verdict of the showcase and the default suite
# against the committed baseline, then every family claim and its points'
# verdicts against the families' baseline (exit 4 and a list when a claim
# changed; `make claims UPDATE=1` rewrites both after a reviewed change)
claims: $(BUILD)/spikecheck
	$(Q)$(BUILD)/spikecheck check --jobs $(JOBS) --baseline cases/baseline.txt \
	    $(if $(UPDATE),--update-baseline) cases/showcase cases/figure3 \
	    cases/default cases/default-logistic cases/tight \
	    > $(BUILD)/claims.txt; rc=$$?; \
	    grep -E '^(changed:|missing:|new:|baseline )' $(BUILD)/claims.txt; \
	    [ $$rc -eq 0 ] || exit $$rc; \
	    $(BUILD)/spikecheck sweep --jobs $(JOBS) \
	    --baseline cases/families/baseline.txt \
	    $(if $(UPDATE),--update-baseline) cases/families/*.json \
	    > $(BUILD)/claims-families.txt; rc=$$?; \
	    grep -E '^(changed:|missing:|new:|baseline )' \
	    $(BUILD)/claims-families.txt; \
	    exit $$rc

# README's Slurm job array on a private single-node Slurm on localhost
# (root; munge and slurm-wlm: sh .ci/install-deps slurm), its merged
# reports against one unsharded run's; about 15 s
test-slurm: $(BUILD)/spikecheck
	$(Q)sh tests/slurm.sh $(BUILD)/spikecheck

# what CI runs: the tests, the claims baseline, the Slurm sweep, a bounded
# fuzz run, the tests again under ASan+UBSan (last: the run closes on the
# test summary)
check: test
	$(Q)$(MAKE) --no-print-directory claims
	$(Q)$(MAKE) --no-print-directory test-slurm
	$(Q)$(MAKE) --no-print-directory fuzz
	$(Q)$(MAKE) --no-print-directory sanitize

# (the mpmath comparison needs python3 with mpmath; it says so if missing):
# the 16 x 6 showcase at 512 bits and 64 x 16 whitened data at 256 bits
bench: $(BENCHES) spikecheck
	$(Q)for b in $(BENCHES); do $$b; done
	$(Q)sh bench/mpmath_ratio.sh ./spikecheck
	$(Q)sh bench/mpmath_ratio.sh ./spikecheck bench/whitened-64x16.json 256

sanitize:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

valgrind: $(TESTS)
	$(Q)set -e; for t in $(TESTS); do valgrind --error-exitcode=9 --track-origins=yes --leak-check=full $$t; done

# libFuzzer on the readers of files other people write (needs clang;
# installed by `sh .ci/install-deps fuzz`): the case reader and number
# parser, the journal reader and the JSON report merge.  FUZZ_RUNS and
# FUZZ_SECONDS bound each run (fixed seed: the same runs on every
# machine); the seed corpora are tests/data/good and tests/data/bad (cases)
# and tests/fuzz/journal, tests/fuzz/merge; new inputs go to
# build-fuzz/corpus*.
FUZZ_RUNS ?= 50000
FUZZ_SECONDS ?= 600
FUZZ_FLAGS = -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -seed=1 \
	    -rss_limit_mb=2048 -timeout=20
FUZZ_SRC := $(filter src/cases/% src/data/% src/core/escalate.c,$(LIB_SRC)) src/num/steer.c
# the report readers need the whole library (the registry names checkers)
FUZZ_OBJ := $(LIB_SRC:%.c=build-fuzz/obj/%.o)
# kept: the two report targets share them
.SECONDARY: $(FUZZ_OBJ)
FUZZ_CC = clang -g -O1 -fsanitize=address,undefined $(SC_CFLAGS)
fuzz: build-fuzz/fuzz_case build-fuzz/fuzz_journal build-fuzz/fuzz_merge
	$(Q)mkdir -p build-fuzz/corpus build-fuzz/corpus-journal build-fuzz/corpus-merge
	build-fuzz/fuzz_case $(FUZZ_FLAGS) build-fuzz/corpus tests/data/good tests/data/bad
	build-fuzz/fuzz_journal $(FUZZ_FLAGS) build-fuzz/corpus-journal tests/fuzz/journal
	build-fuzz/fuzz_merge $(FUZZ_FLAGS) build-fuzz/corpus-merge tests/fuzz/merge

build-fuzz/fuzz_case: tests/fuzz/fuzz_case.c $(FUZZ_SRC)
	@mkdir -p build-fuzz
	@echo "  CLANG   $@"
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer -o $@ $^ $(LIBS)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_part.h $(FUZZ_OBJ)
	@echo "  CLANG   $@"
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LIBS)

build-fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CLANG   $@"
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

clean:
	rm -rf build build-asan build-fuzz spikecheck

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
-include $(shell find build-fuzz/obj -name '*.d' 2>/dev/null)
