"""End-to-end scenarios: the cdktf CLI, Terraform, the rest provider and the simulators together (marker ``e2e``)."""
