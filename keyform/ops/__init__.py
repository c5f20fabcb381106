"""Operator tools that run beside Terraform: generating a Vault DR operation token, reading appliance status."""
