# Build FellowMatch in release mode and install the `fellowmatch` binary.
#   make install                  # into /usr/local/bin (as root or with sudo)
#   make install PREFIX=$HOME/.local
PREFIX ?= /usr/local

.PHONY: build install uninstall test

build:
	swift build -c release --product fellowmatch

install: build
	install -D -m 755 "$$(swift build -c release --show-bin-path)/fellowmatch" "$(DESTDIR)$(PREFIX)/bin/fellowmatch"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/fellowmatch"

test:
	swift test
