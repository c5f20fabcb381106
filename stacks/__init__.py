"""Example stacks: one per system (ontap, vsp, vault-dr) and a combined site stack (site)."""
