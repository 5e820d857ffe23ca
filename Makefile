# Builds and installs orgmap as users expect: the binary (the Swift runtime linked in, so it runs without the
# toolchain; it uses the system's libsqlite3 and libz), its man page, and bash, zsh and fish completions.
#   make install [PREFIX=/usr/local] [DESTDIR=...]
#   make uninstall [PREFIX=/usr/local]
PREFIX ?= /usr/local
SWIFT ?= swift
BUILD = $(SWIFT) build -c release --static-swift-stdlib

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: build install uninstall

build:
	$(BUILD) --product orgmap
	$(BUILD) --product generate-manual

install: build
	@bin="$$($(BUILD) --show-bin-path)"; \
	set -e; \
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"; \
	install -s -m 755 "$$bin/orgmap" "$(BINDIR)/orgmap"; \
	"$$bin/generate-manual" "$$bin/orgmap" --authors "the orgmap authors" -o "$(MANDIR)"; \
	"$$bin/orgmap" --generate-completion-script bash > "$(BASHDIR)/orgmap"; \
	"$$bin/orgmap" --generate-completion-script zsh > "$(ZSHDIR)/_orgmap"; \
	"$$bin/orgmap" --generate-completion-script fish > "$(FISHDIR)/orgmap.fish"; \
	echo "installed $(BINDIR)/orgmap ($$(du -h "$(BINDIR)/orgmap" | cut -f1)), its man page and completions under $(DESTDIR)$(PREFIX)"

uninstall:
	rm -f "$(BINDIR)/orgmap" "$(MANDIR)/orgmap.1" "$(BASHDIR)/orgmap" "$(ZSHDIR)/_orgmap" "$(FISHDIR)/orgmap.fish"
