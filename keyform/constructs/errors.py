"""The one error constructs raise: it names the construct path, the field, and the fix."""


class KeyformConfigError(ValueError):
    """A declaration keyform refuses at synth time, before anything reaches Terraform or an appliance. The message
    reads ``<construct path>: <field>: <problem>. Fix: <fix>``; each part is an attribute as well."""

    def __init__(self, construct_path: str, field: str, problem: str, fix: str):
        self.construct_path, self.field, self.problem, self.fix = construct_path, field, problem, fix
        super().__init__(f"{construct_path}: {field}: {problem}. Fix: {fix}")
