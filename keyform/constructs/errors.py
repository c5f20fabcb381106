"""The one error constructs raise: it names the construct path, the field, and the fix."""


class KeyformConfigError(ValueError):
    def __init__(self, construct_path: str, field: str, problem: str, fix: str):
        self.construct_path, self.field, self.problem, self.fix = construct_path, field, problem, fix
        super().__init__(f"{construct_path}: {field}: {problem}. Fix: {fix}")
