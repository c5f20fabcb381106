"""keyform's ``rest`` Terraform provider (plugin protocol 6, on the PyPI ``tf`` framework): run by Terraform
through the launcher ``keyform provider install`` writes; ``python -m keyform.provider`` serves it."""
