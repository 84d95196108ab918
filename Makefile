# The two commands of the README: `make run` and `make test`. Everything they need is installed here.
SHELL  := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Release
DATA   ?= $(CURDIR)/data
PORT   ?= 5080
BIN     = bin/$(CONFIG)/net10.0/linux-x64
ACI     = src/AiChangeInsights.Cli/$(BIN)/aci
WEB     = src/AiChangeInsights.Web/$(BIN)/AiChangeInsights.Web.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

.PHONY: run test build restore seed chromium bench test-reliability clean

restore:
	$(DOTNET) restore AiChangeInsights.sln

build: restore
	$(DOTNET) build AiChangeInsights.sln -c $(CONFIG) --no-restore

# Creates data/warehouse.duckdb and loads the demo organisation from seed-data/ through the real importers
# (only when the warehouse has no data yet; re-running changes nothing).
seed: build
	$(ACI) seed --db $(DATA)/warehouse.duckdb --seed-data seed-data

run: seed
	cd src/AiChangeInsights.Web && Warehouse__DataFolder=$(DATA) ASPNETCORE_ENVIRONMENT=$${ASPNETCORE_ENVIRONMENT:-Development} \
		$(DOTNET) $(BIN)/AiChangeInsights.Web.dll --urls http://127.0.0.1:$(PORT)

# Browser tests drive Debian's Chromium (browser downloads are impossible here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests ..."; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

# Everything but the long reliability cases (those are `make test-reliability`, which CI runs too).
test: chromium build
	$(DOTNET) test AiChangeInsights.sln -c $(CONFIG) --no-build --filter "Category!=Reliability" --logger "console;verbosity=normal"

# The reliability suite: the hostile-file corpus (with the 200 MB file), SIGKILL mid-import, a server restart with
# imports queued, 100 concurrent reads during a million-row import, backup and restore. Ends with one summary line.
test-reliability: build
	rm -f artifacts/reliability-summary.txt
	$(DOTNET) test tests/AiChangeInsights.Tests -c $(CONFIG) --no-build \
		--filter "FullyQualifiedName~AiChangeInsights.Tests.Reliability" --logger "console;verbosity=normal"
	@cat artifacts/reliability-summary.txt

# A benchmark, not a test: imports beside DuckDB's read_csv, views and chart queries at demo/large/stress, pages in
# Chromium, a cold start from a fresh clone; rewrites the README's performance section. Takes five to ten minutes.
bench: chromium build
	$(ACI) bench all --web $(WEB) --repo $(CURDIR) --readme README.md

clean:
	$(DOTNET) clean AiChangeInsights.sln -c $(CONFIG) >/dev/null
	rm -rf artifacts
