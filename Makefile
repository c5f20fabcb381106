# The two commands of the README, and the steps they are made of.
SHELL := /bin/bash
ENV := source .keyform/env.sh &&

.PHONY: run test test-quick setup provider bindings bench

run: setup ## Deploy the example stacks to the embedded simulators and show what the appliances hold
	@$(ENV) python -m keyform.main_job

test: setup ## Run every test, end-to-end scenarios included
	@$(ENV) python -m pytest

test-quick: setup ## Every test but the slow end-to-end scenarios
	@$(ENV) python -m pytest -m "not e2e"

setup: ## Virtualenv, npm packages and the provider, installed idempotently
	@scripts/setup.sh

provider: setup ## (Re)install the rest provider into the local mirrors
	@$(ENV) python -m keyform.provider.install

bindings: setup ## Regenerate the bindings from the provider's schema: generated/ (cdktf get), or generated-cdktn/ (cdktn get)
	@$(ENV) if [ "$$KEYFORM_CDK" = cdktn ]; then cdktn get --force --output generated-cdktn; else cdktf get --force; fi

bench: setup ## Run the benchmark (bench/results.md, bench/results.json; copy the table into the README)
	@$(ENV) python -m keyform.bench
