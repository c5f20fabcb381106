"""The gRPC servicer of the provider, on ``tf``'s generated protocol-6 stubs.

It does not build on ``tf.provider.ProviderServicer``; launch time is paid 3-5 times per
Terraform command, and that class pulls in the whole framework at import. Here the
provider, its resources and ``tf.schema`` load on the first call, after the handshake.

Why not the stock servicer (``tf`` 1.2.0) in behaviour either:

- it cannot declare write-only attributes (Terraform >= 1.11), and never passes the
  configuration to plan/apply, where write-only values live: :func:`_schema_pb` adds the
  flag (protobuf keeps fields it does not know, so field 11 survives re-serialisation) and
  :class:`Servicer` hands ``config`` to our resources;
- its create plan never consults the resource, its update plan leaves computed values
  known (defect 3: "inconsistent result after apply"), and it derives replacement only
  from whole attributes, not from keys inside ``data`` (``force_new_keys``);
- its JSON type re-encodes with spaces (defect 2): here state values are passed through
  raw, so the JSON strings we write are exactly the compact, sorted strings we chose;
- data sources do not encode values (defect 1): ours return JSON strings themselves;
- an exception becomes "Exception calling application" (defect 6): here every failure
  becomes a diagnostic, with secrets redacted.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Protocol, Sequence, TypeAlias

from tf.gen import tfplugin_pb2 as pb
from tf.types import Unknown
from tf.utils import Diagnostics, _to_attribute_path, to_dynamic_value

from keyform.provider import private_state, timings

if TYPE_CHECKING:
    from tf.schema import Schema  # loads with the provider, on the first call

log = logging.getLogger("keyform.provider")

# tf (its generated protobuf messages, schema, diagnostics) and grpc have no type information: their values are
# Any, named here for the reader.
Message: TypeAlias = Any
"""A request or response of the protocol (``tfplugin_pb2``)."""
Context: TypeAlias = Any
"""gRPC's servicer context (None when tests call a method directly)."""
State: TypeAlias = dict[str, Any]
"""A decoded object value: configuration, planned or prior state (values may be ``tf.types.Unknown``)."""


class HasSchema(Protocol):
    """A class of Terraform objects: its name (after the provider's prefix) and schema."""

    @classmethod
    def get_name(cls) -> str: ...

    @classmethod
    def get_schema(cls) -> Schema: ...


class Resource(HasSchema, Protocol):
    """What the servicer calls of a resource; it may have ``read_imported`` (the first read after an import),
    ``plan_destroy`` (refuse a destroy at plan) and ``upgrade_state`` (a state of an earlier schema version) too."""

    def __init__(self, provider: App) -> None: ...

    def validate_config(self, diags: Diagnostics, config: State) -> None: ...

    def plan_change(self, diags: Diagnostics, prior: Optional[State], proposed: State,
                    config: State) -> tuple[State, Iterable[str]]: ...

    def create(self, diags: Diagnostics, planned: State, config: State) -> Optional[State]: ...

    def read(self, diags: Diagnostics, current: State) -> Optional[State]: ...

    def update(self, diags: Diagnostics, prior: State, planned: State, config: State) -> Optional[State]: ...

    def delete(self, diags: Diagnostics, prior: State) -> None: ...

    def import_state(self, diags: Diagnostics, import_id: str) -> Optional[State]: ...


class DataSource(HasSchema, Protocol):
    """What the servicer calls of a data source."""

    def __init__(self, provider: App) -> None: ...

    def validate_config(self, diags: Diagnostics, config: State) -> None: ...

    def read(self, diags: Diagnostics, config: State) -> Optional[State]: ...


class App(Protocol):
    """What the servicer calls of the provider (:class:`keyform.provider.provider.RestProvider`)."""

    def get_model_prefix(self) -> str: ...

    def get_provider_schema(self, diags: Diagnostics) -> Schema: ...

    def get_resources(self) -> Sequence[type[Resource]]: ...

    def get_data_sources(self) -> Sequence[type[DataSource]]: ...

    def validate_config(self, diags: Diagnostics, config: State) -> None: ...

    def configure_provider(self, diags: Diagnostics, config: State) -> None: ...

    def forget_reads(self) -> None: ...

    def redact(self, text: str) -> str: ...


_WRITE_ONLY_FIELD = b"\x58\x01"  # Schema.Attribute field 11 (write_only) = true, protobuf wire format
_JUST_IMPORTED = b'{"imported":true}'
"""Private state of a resource from ImportResourceState until its first ReadResource."""


def _schema_pb(klass: type[HasSchema]) -> Message:
    schema = klass.get_schema().to_pb()
    write_only: frozenset[str] = getattr(klass, "write_only_attributes", frozenset())
    if not write_only:
        return schema
    attributes = []
    for attribute in schema.block.attributes:
        if attribute.name in write_only:
            patched = pb.Schema.Attribute()
            patched.ParseFromString(attribute.SerializeToString() + _WRITE_ONLY_FIELD)
            attribute = patched
        attributes.append(attribute)
    del schema.block.attributes[:]
    schema.block.attributes.extend(attributes)
    return schema


def _unknown_hook(code: int, data: bytes) -> object:
    # cty marks unknown values as msgpack extension 0, and (Terraform >= 1.6) refined
    # unknowns ("known after apply, but not null") as extension 12: both are Unknown here.
    return Unknown


def read_dynamic_value(value: Message) -> Any:
    """The value a ``DynamicValue`` holds (None when it holds none)."""
    import json

    import msgpack

    if value.msgpack:
        return msgpack.unpackb(value.msgpack, ext_hook=_unknown_hook)
    if value.json:
        return json.loads(value.json)
    return None


def _log_diagnostics(call: str, response: Message) -> None:
    """The errors and warnings a call answers with, in Terraform's log too (next to the requests that led to
    them); their texts are redacted where they are made."""
    for diagnostic in getattr(response, "diagnostics", ()):
        level = logging.ERROR if diagnostic.severity == pb.Diagnostic.ERROR else logging.WARNING
        detail = f": {diagnostic.detail}" if diagnostic.detail else ""
        log.log(level, "%s: %s%s", call, diagnostic.summary, detail)


Method: TypeAlias = Callable[["Servicer", Message, Context], Message]


def _guard(response_type: Callable[..., Message]) -> Callable[[Method], Method]:
    """Turn any exception into an error diagnostic of ``response_type`` (defect 6)."""

    def decorate(method: Method) -> Method:
        def wrapper(self: Servicer, request: Message, context: Context) -> Message:
            started = time.perf_counter()
            try:
                response = method(self, request, context)
                if log.isEnabledFor(logging.WARNING):
                    _log_diagnostics(method.__name__, response)
            except Exception as exc:  # noqa: BLE001 - the user must see a diagnostic, never a traceback
                # the traceback goes to Terraform's log (TF_LOG_PROVIDER=ERROR or finer: see keyform.provider.logs)
                log.error("%s failed: internal error\n%s", method.__name__, self.redact(traceback.format_exc()))
                diags = Diagnostics().add_error(
                    "Internal error in the keyform rest provider",
                    f"{type(exc).__name__}: {self.redact(str(exc))}. Please report this with the output of the same "
                    "command run with TF_LOG_PROVIDER=DEBUG (its log holds the traceback).",
                )
                response = response_type(diagnostics=diags.to_pb())
            # (a call that would wait where it must not, keyform.client.waiting, is timed where it runs again)
            if timings.enabled:
                timings.record_call(method.__name__, started)
            return response

        wrapper.__name__ = method.__name__
        return wrapper

    return decorate


class Servicer:
    def __init__(self, provider_factory: Callable[[], App]) -> None:
        self._factory = provider_factory
        self._app: Optional[App] = None
        self._app_lock = threading.Lock()  # gRPC calls arrive on many threads; build the provider once
        self._schema_response: Optional[Message] = None
        self._resources: Optional[dict[str, type[Resource]]] = None
        self._data_sources: Optional[dict[str, type[DataSource]]] = None
        self._attribute_cache: dict[str, list[str]] = {}
        self._upgraded = private_state.UpgradeStash()  # values an upgrade moved out of stored attributes

    @property
    def app(self) -> App:
        app = self._app
        if app is None:
            with self._app_lock:
                if self._app is None:
                    self._app = self._factory()
                app = self._app
        return app

    def redact(self, text: str) -> str:
        return self.app.redact(text)

    def _load_res_cls_map(self) -> dict[str, type[Resource]]:
        if self._resources is None:
            prefix = self.app.get_model_prefix()
            self._resources = {prefix + k.get_name(): k for k in self.app.get_resources()}
        return self._resources

    def _load_ds_cls_map(self) -> dict[str, type[DataSource]]:
        if self._data_sources is None:
            prefix = self.app.get_model_prefix()
            self._data_sources = {prefix + k.get_name(): k for k in self.app.get_data_sources()}
        return self._data_sources

    def _resource(self, type_name: str) -> Resource:
        return self._load_res_cls_map()[type_name](self.app)

    def _data_source(self, type_name: str) -> DataSource:
        return self._load_ds_cls_map()[type_name](self.app)

    @staticmethod
    def _capabilities() -> Message:
        # plan_destroy: Terraform then plans destroys with us too, so a destroy call that cannot be made is refused
        # at plan. Terraform reads it from whichever of GetMetadata and GetProviderSchema it called.
        return pb.ServerCapabilities(plan_destroy=True, get_provider_schema_optional=True)

    def GetMetadata(self, request: Message, context: Context) -> Message:
        return pb.GetMetadata.Response(server_capabilities=self._capabilities())

    # ------------------------------------------------------------------ schema
    def GetProviderSchema(self, request: Message, context: Context) -> Message:
        if self._schema_response is None:
            diags = Diagnostics()
            self._schema_response = pb.GetProviderSchema.Response(
                provider=self.app.get_provider_schema(diags).to_pb(),
                provider_meta=pb.Schema(version=0, block=pb.Schema.Block(version=0)),
                resource_schemas={name: _schema_pb(k) for name, k in self._load_res_cls_map().items()},
                data_source_schemas={name: _schema_pb(k) for name, k in self._load_ds_cls_map().items()},
                server_capabilities=self._capabilities(),
                diagnostics=diags.to_pb(),
            )
        return self._schema_response

    # -------------------------------------------------------------- validation
    @_guard(pb.ValidateResourceConfig.Response)
    def ValidateResourceConfig(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        self._resource(request.type_name).validate_config(diags, read_dynamic_value(request.config) or {})
        return pb.ValidateResourceConfig.Response(diagnostics=diags.to_pb())

    @_guard(pb.ValidateDataResourceConfig.Response)
    def ValidateDataResourceConfig(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        source = self._data_source(request.type_name)
        source.validate_config(diags, read_dynamic_value(request.config) or {})
        return pb.ValidateDataResourceConfig.Response(diagnostics=diags.to_pb())

    @_guard(pb.ConfigureProvider.Response)
    def ConfigureProvider(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        self.app.configure_provider(diags, read_dynamic_value(request.config) or {})
        return pb.ConfigureProvider.Response(diagnostics=diags.to_pb())

    @_guard(pb.ValidateProviderConfig.Response)
    def ValidateProviderConfig(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        self.app.validate_config(diags, read_dynamic_value(request.config) or {})
        return pb.ValidateProviderConfig.Response(diagnostics=diags.to_pb())

    @_guard(pb.UpgradeResourceState.Response)
    def UpgradeResourceState(self, request: Message, context: Context) -> Message:
        # State of an earlier schema version goes through the resource's ``upgrade_state`` (rest_object's v0
        # attributes into ``api``); then attributes added since it was written are set to null (Terraform needs
        # every attribute of the schema). No "Using default upgrade" noise.
        import json

        state = json.loads(request.raw_state.json) if request.raw_state.json else None
        if isinstance(state, dict):
            upgrade = getattr(self._load_res_cls_map()[request.type_name], "upgrade_state", None)
            if upgrade is not None:
                state = upgrade(request.version, state)
            for attribute in self._attribute_names(request.type_name):
                state.setdefault(attribute, None)
            self._stash_private(request.type_name, state)
        return pb.UpgradeResourceState.Response(upgraded_state=to_dynamic_value(state))

    def _stash_private(self, type_name: str, state: dict[str, Any]) -> None:
        """Take out of an upgraded state the attributes now kept in private state (a state stored before they
        moved holds them), kept for this process's refresh or plan of the object."""
        kind = self._load_res_cls_map()[type_name]
        values = {name: state.pop(name) for name in self._private_names(kind) if name in state}
        if any(value is not None for value in values.values()):
            self._upgraded.keep(self._stash_key(type_name, kind, state), values)

    @staticmethod
    def _stash_key(type_name: str, resource: object, state: dict[str, Any]) -> private_state.StashKey:
        """``resource``: its class or an instance (either declares ``identity_attributes``)."""
        identity = getattr(resource, "identity_attributes", ())
        return private_state.UpgradeStash.key(type_name, state, identity)

    @staticmethod
    def _private_names(resource: object) -> tuple[str, ...]:
        return getattr(resource, "private_attributes", ())

    def _prior_private(self, type_name: str, resource: Resource, state: Optional[dict[str, Any]],
                       private: bytes) -> bytes:
        """The private state Terraform passed, or, for an object whose upgrade this process made, what the
        upgrade took out of its attributes."""
        if private or state is None or not self._upgraded or not self._private_names(resource):
            return private  # no key made where nothing can have been kept
        return self._upgraded.private(self._stash_key(type_name, resource, state), private)

    def _attribute_names(self, type_name: str) -> list[str]:
        if type_name not in self._attribute_cache:
            schema = self._load_res_cls_map()[type_name].get_schema()
            self._attribute_cache[type_name] = [a.name for a in schema.attributes]
        return self._attribute_cache[type_name]

    # --------------------------------------------------------------- lifecycle
    @_guard(pb.ReadResource.Response)
    def ReadResource(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        current = read_dynamic_value(request.current_state)
        resource = self._resource(request.type_name)
        private = self._prior_private(request.type_name, resource, current, request.private)
        names = self._private_names(resource)
        if private == _JUST_IMPORTED and hasattr(resource, "read_imported"):
            # the first read after an import; its private state was the marker only
            new_state, private = resource.read_imported(diags, private_state.merged(current, b"", names)), b""
        else:
            new_state = resource.read(diags, private_state.merged(current, private, names))
        if names:
            new_state, private = private_state.split(new_state, names)
        return pb.ReadResource.Response(new_state=to_dynamic_value(new_state), diagnostics=diags.to_pb(),
                                        private=private)

    @_guard(pb.PlanResourceChange.Response)
    def PlanResourceChange(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        prior = read_dynamic_value(request.prior_state)
        proposed = read_dynamic_value(request.proposed_new_state)
        config = read_dynamic_value(request.config)
        resource = self._resource(request.type_name)
        if proposed is None:  # destroy: nothing to plan, but a destroy call may have to be refused now
            if prior is not None and hasattr(resource, "plan_destroy"):
                resource.plan_destroy(diags, prior)
            return pb.PlanResourceChange.Response(planned_state=request.proposed_new_state, diagnostics=diags.to_pb())
        names = self._private_names(resource)
        prior_private = self._prior_private(request.type_name, resource, prior, request.prior_private)
        planned, replace = resource.plan_change(diags, private_state.merged(prior, prior_private, names), proposed,
                                                config or {})
        planned, planned_private = private_state.planned_split(prior_private, planned, names)
        return pb.PlanResourceChange.Response(
            planned_state=to_dynamic_value(planned),
            requires_replace=[_to_attribute_path([name]) for name in replace],
            planned_private=planned_private,
            diagnostics=diags.to_pb(),
        )

    @_guard(pb.ApplyResourceChange.Response)
    def ApplyResourceChange(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        prior = read_dynamic_value(request.prior_state)
        planned = read_dynamic_value(request.planned_state)
        config = read_dynamic_value(request.config) or {}
        resource = self._resource(request.type_name)
        names = self._private_names(resource)
        prior, planned = private_state.planned_merged(prior, planned, request.planned_private, names)
        self.app.forget_reads()  # a refresh after any write reads the appliance again
        if prior is None:
            new_state = resource.create(diags, planned, config)
        elif planned is None:
            resource.delete(diags, prior)
            new_state = None
        else:
            new_state = resource.update(diags, prior, planned, config)
        self.app.forget_reads()  # and none fetched while the write was under way
        if diags.has_errors() and new_state is None and prior is not None and planned is not None:
            new_state = prior  # a failed update leaves the object as it was
        new_state, private = private_state.split(new_state, names)
        return pb.ApplyResourceChange.Response(new_state=to_dynamic_value(new_state), diagnostics=diags.to_pb(),
                                               private=private)

    @_guard(pb.ImportResourceState.Response)
    def ImportResourceState(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        self.app.forget_reads()
        state = self._resource(request.type_name).import_state(diags, request.id)
        imported = [] if state is None else [
            pb.ImportResourceState.ImportedResource(type_name=request.type_name, state=to_dynamic_value(state),
                                                    private=_JUST_IMPORTED)
        ]
        return pb.ImportResourceState.Response(imported_resources=imported, diagnostics=diags.to_pb())

    @_guard(pb.ReadDataSource.Response)
    def ReadDataSource(self, request: Message, context: Context) -> Message:
        diags = Diagnostics()
        source = self._data_source(request.type_name)
        state = source.read(diags, read_dynamic_value(request.config) or {})
        return pb.ReadDataSource.Response(state=to_dynamic_value(state), diagnostics=diags.to_pb())

    def MoveResourceState(self, request: Message, context: Context) -> Message:
        diags = Diagnostics().add_error("Moving state between resource types is not supported",
                                        "Use terraform state rm and terraform import instead.")
        return pb.MoveResourceState.Response(diagnostics=diags.to_pb())

    def GetFunctions(self, request: Message, context: Context) -> Message:
        return pb.GetFunctions.Response()

    def StopProvider(self, request: Message, context: Context) -> Message:
        return pb.StopProvider.Response()
