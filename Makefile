SHELL := /bin/bash
# Muster: `make run` sets up, builds and opens the browser; `make test` runs every test.
PREFIX ?= /usr/local
SWIFT ?= swift
PACKAGES := libncurses-dev libsqlite3-dev tmux sqlite3
SWIFT_FORMAT_PATHS := Sources Tests Plugins Benchmarks Fuzz/Sources Fuzz/Package.swift Package.swift

.PHONY: build run test soak fuzz lint bench install clean dependencies release docs

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --static-swift-stdlib

## Installs the Debian packages Muster needs when root; otherwise says how.
dependencies:
	@missing=""; for package in $(PACKAGES); do \
	  dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "Missing packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi

run: dependencies build
	$(SWIFT) run --skip-build muster

## The SSH kiosk test starts a real sshd on loopback; the JSON output test validates with
## python3-jsonschema.
test: PACKAGES += openssh-server openssh-client procps python3-jsonschema
test: dependencies
	@set -o pipefail; $(SWIFT) build --build-tests 2>&1 | tail -n 3 && \
	  $(SWIFT) test --skip-build 2>&1 | python3 Scripts/test-summary.py

## The long variants of the robustness tests: a longer random walk through the session.
soak: PACKAGES += openssh-server openssh-client procps
soak: dependencies
	@set -o pipefail; $(SWIFT) build --build-tests 2>&1 | tail -n 3 && \
	  MUSTER_MONKEY_STEPS=$${MUSTER_MONKEY_STEPS:-500000} $(SWIFT) test --skip-build \
	    --filter MonkeyTests 2>&1 | python3 Scripts/test-summary.py

## libFuzzer on the readers, the query parser and the sanitiser, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: dependencies
	@Scripts/fuzz.sh $(FUZZ_SECONDS)

## Regenerates the documents made from code (a test fails when they are stale).
docs: build
	.build/debug/muster keys --markdown > docs/keys.md

lint:
	$(SWIFT) format lint --strict -r $(SWIFT_FORMAT_PATHS)

## Benchmarks run the binary `make install` ships (static Swift runtime); visidata is the
## browser's baseline.
bench: PACKAGES += ripgrep
bench: dependencies
	$(SWIFT) build -c release --static-swift-stdlib
	python3 -m pip install --quiet visidata 2>/dev/null || \
	  python3 -m pip install --quiet --break-system-packages visidata || true
	python3 Benchmarks/run.py

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 .build/release/muster $(DESTDIR)$(PREFIX)/bin/muster
	mkdir -p .build/manual
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --multi-page \
	  --output-directory .build/manual
	install -m 0644 .build/manual/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	.build/release/muster --generate-completion-script bash \
	  > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/muster
	.build/release/muster --generate-completion-script zsh \
	  > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_muster
	.build/release/muster --generate-completion-script fish \
	  > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/muster.fish

clean:
	rm -rf .build .build-* .build_*
