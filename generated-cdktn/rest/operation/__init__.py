r'''
# `rest_operation`

Refer to the Terraform Registry for docs: [`rest_operation`](https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation).
'''
from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

import typeguard
from importlib.metadata import version as _metadata_package_version
TYPEGUARD_MAJOR_VERSION = int(_metadata_package_version('typeguard').split('.')[0])

def check_type(argname: str, value: object, expected_type: typing.Any) -> typing.Any:
    if TYPEGUARD_MAJOR_VERSION <= 2:
        return typeguard.check_type(argname=argname, value=value, expected_type=expected_type) # type:ignore
    else:
        if isinstance(value, jsii._reference_map.InterfaceDynamicProxy): # pyright: ignore [reportAttributeAccessIssue]
           pass
        else:
            if TYPEGUARD_MAJOR_VERSION == 3:
                typeguard.config.collection_check_strategy = typeguard.CollectionCheckStrategy.ALL_ITEMS # type:ignore
                typeguard.check_type(value=value, expected_type=expected_type) # type:ignore
            else:
                typeguard.check_type(value=value, expected_type=expected_type, collection_check_strategy=typeguard.CollectionCheckStrategy.ALL_ITEMS) # type:ignore

from .._jsii import *

import cdktn as _cdktn_78ede62e
import constructs as _constructs_77d1e7e8


class Operation(
    _cdktn_78ede62e.TerraformResource,
    metaclass=jsii.JSIIMeta,
    jsii_type="rest.operation.Operation",
):
    '''Represents a {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation rest_operation}.'''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        path: builtins.str,
        body: typing.Optional[builtins.str] = None,
        condition_path: typing.Optional[builtins.str] = None,
        destroy_body: typing.Optional[builtins.str] = None,
        destroy_if: typing.Optional[builtins.str] = None,
        destroy_method: typing.Optional[builtins.str] = None,
        destroy_path: typing.Optional[builtins.str] = None,
        destroy_when: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        effective_when: typing.Optional[builtins.str] = None,
        expected_status: typing.Optional[typing.Sequence[jsii.Number]] = None,
        method: typing.Optional[builtins.str] = None,
        outputs: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        polling: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        preconditions: typing.Optional[builtins.str] = None,
        read_body: typing.Optional[builtins.str] = None,
        read_method: typing.Optional[builtins.str] = None,
        read_path: typing.Optional[builtins.str] = None,
        response_omit_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
        run_if: typing.Optional[builtins.str] = None,
        run_when: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        sensitive_outputs: typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]] = None,
        triggers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        write_only_data: typing.Optional[builtins.str] = None,
        connection: typing.Optional[typing.Union[typing.Union["_cdktn_78ede62e.SSHProvisionerConnection", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.WinrmProvisionerConnection", typing.Dict[builtins.str, typing.Any]]]] = None,
        count: typing.Optional[typing.Union[jsii.Number, "_cdktn_78ede62e.TerraformCount"]] = None,
        depends_on: typing.Optional[typing.Sequence["_cdktn_78ede62e.ITerraformDependable"]] = None,
        for_each: typing.Optional["_cdktn_78ede62e.ITerraformIterator"] = None,
        lifecycle: typing.Optional[typing.Union["_cdktn_78ede62e.TerraformResourceLifecycle", typing.Dict[builtins.str, typing.Any]]] = None,
        provider: typing.Optional["_cdktn_78ede62e.TerraformProvider"] = None,
        provisioners: typing.Optional[typing.Sequence[typing.Union[typing.Union["_cdktn_78ede62e.FileProvisioner", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.LocalExecProvisioner", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.RemoteExecProvisioner", typing.Dict[builtins.str, typing.Any]]]]] = None,
    ) -> None:
        '''Create a new {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation rest_operation} Resource.

        :param scope: The scope in which to define this construct.
        :param id: The scoped construct ID. Must be unique amongst siblings in the same scope
        :param path: Path of the call, relative to base_url. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#path Operation#path}
        :param body: JSON body of the call, sent as written but for ``{secret.<name>}`` placeholders (the provider's ``secrets``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#body Operation#body}
        :param condition_path: Path read (GET) before the call and before the destroy call, to evaluate ``run_when`` and ``destroy_when`` (e.g. ``/sys/replication/dr/status``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#condition_path Operation#condition_path}
        :param destroy_body: JSON body template of the destroy call (same placeholders). A destroy call that needs an empty provider secret is refused at plan. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_body Operation#destroy_body}
        :param destroy_if: A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``, on the ``condition_path`` answer: must hold (with ``destroy_when``) for the destroy call to be made. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_if Operation#destroy_if}
        :param destroy_method: Method of a call made on destroy (default ``POST`` when destroy_path is set). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_method Operation#destroy_method}
        :param destroy_path: Path of a call made on destroy; no call when unset. Placeholders: ``{id}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_path Operation#destroy_path}
        :param destroy_when: Map of path (into the ``condition_path`` answer) → expected text; ``a|b`` accepts either, ``!a`` anything but ``a``. All must hold for the destroy call to be made. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_when Operation#destroy_when}
        :param effective_when: A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``. Holds on the ``read_path`` answer while the call's effect is in place (e.g. the cluster is a DR primary); while it holds, the call is not made. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#effective_when Operation#effective_when}
        :param expected_status: Statuses that count as success (default: any 2xx). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#expected_status Operation#expected_status}
        :param method: Method of the call (default ``POST``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#method Operation#method}
        :param outputs: Values to pick from the response: name → path (e.g. ``token = "wrap_info/token"``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#outputs Operation#outputs}
        :param polling: How a ``202 Accepted`` with a job reference is followed until the job ends: ``href_path``: path of the job link in a 202 answer (default ``job/_links/self/href``); ``state_path``: path of the state in the job (default ``state``); ``success_states``: comma-separated states that end the job well (default ``success``); ``failure_states``: comma-separated states that end it badly (default ``failure,error``); ``message_path``: path of the job's message (default ``message``); ``interval_seconds``: seconds between polls (default 0.2); ``timeout_seconds``: give up after this many seconds (default 300); the job's outcome is then unknown; ``enabled``: ``false`` to return a 202 answer without following it. The defaults follow ONTAP jobs. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#polling Operation#polling}
        :param preconditions: Checks made whenever the call is planned and right before it is made, as a JSON list of ``{"path", "method"?, "body"?, "when"?, "require", "message", "if_absent"?}``: each path is read and the predicate ``require`` must hold, else the plan (or the call) is refused with ``message`` and nothing is sent; ``when``, a predicate on the ``condition_path`` answer, limits a check to some states; a 404 answer refuses unless ``if_absent`` is ``pass``. A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#preconditions Operation#preconditions}
        :param read_body: JSON body of the read-back (``{secret.<name>}`` placeholders). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_body Operation#read_body}
        :param read_method: Method of the read-back (default ``GET``; ``POST`` for RPC-style reads). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_method Operation#read_method}
        :param read_path: Read-back: the path whose answer says whether the call's effect holds (with ``effective_when``). Read at every refresh (``in_effect``), and after a lost answer to tell whether the call was carried out. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_path Operation#read_path}
        :param response_omit_keys: Keys removed from ``response`` at any depth (default: password, passphrase, existing_passphrase, secret, client_token, dr_operation_token). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#response_omit_keys Operation#response_omit_keys}
        :param run_if: A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``, on the ``condition_path`` answer: must hold (with ``run_when``) for the call to be made; otherwise the run is recorded as skipped. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#run_if Operation#run_if}
        :param run_when: Map of path (into the ``condition_path`` answer) → expected text; ``a|b`` accepts either, ``!a`` anything but ``a``. All must hold for the call to be made; otherwise the run is recorded as skipped. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#run_when Operation#run_when}
        :param sensitive_outputs: Put the picked values in ``sensitive_output_values`` (and remove them from ``response``) instead of ``output_values``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#sensitive_outputs Operation#sensitive_outputs}
        :param triggers: Arbitrary values; when any changes, the call runs again. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#triggers Operation#triggers}
        :param write_only_data: JSON merged into the body and never stored (tokens, passphrases). State keeps only a salted digest, so a change runs the call again. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#write_only_data Operation#write_only_data}
        :param connection: 
        :param count: 
        :param depends_on: 
        :param for_each: 
        :param lifecycle: 
        :param provider: 
        :param provisioners: 
        '''
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__9f60225c69e86b322b980757446643288a4ef08d7c31ac534e6defe98e78f656)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        config = OperationConfig(
            path=path,
            body=body,
            condition_path=condition_path,
            destroy_body=destroy_body,
            destroy_if=destroy_if,
            destroy_method=destroy_method,
            destroy_path=destroy_path,
            destroy_when=destroy_when,
            effective_when=effective_when,
            expected_status=expected_status,
            method=method,
            outputs=outputs,
            polling=polling,
            preconditions=preconditions,
            read_body=read_body,
            read_method=read_method,
            read_path=read_path,
            response_omit_keys=response_omit_keys,
            run_if=run_if,
            run_when=run_when,
            sensitive_outputs=sensitive_outputs,
            triggers=triggers,
            write_only_data=write_only_data,
            connection=connection,
            count=count,
            depends_on=depends_on,
            for_each=for_each,
            lifecycle=lifecycle,
            provider=provider,
            provisioners=provisioners,
        )

        jsii.create(self.__class__, self, [scope, id, config])

    @jsii.member(jsii_name="generateConfigForImport")
    @builtins.classmethod
    def generate_config_for_import(
        cls,
        scope: "_constructs_77d1e7e8.Construct",
        import_to_id: builtins.str,
        import_from_id: builtins.str,
        provider: typing.Optional["_cdktn_78ede62e.TerraformProvider"] = None,
    ) -> "_cdktn_78ede62e.ImportableResource":
        '''Generates CDKTN code for importing a Operation resource upon running "cdktn plan ".

        :param scope: The scope in which to define this construct.
        :param import_to_id: The construct id used in the generated config for the Operation to import.
        :param import_from_id: The id of the existing Operation that should be imported. Refer to the {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#import import section} in the documentation of this resource for the id to use
        :param provider: ? Optional instance of the provider where the Operation to import is found.
        '''
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__6893121a7e70895232b7601ef24eb2ad7dff89e64b83d42e6555c82caca85983)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument import_to_id", value=import_to_id, expected_type=type_hints["import_to_id"])
            check_type(argname="argument import_from_id", value=import_from_id, expected_type=type_hints["import_from_id"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
        return typing.cast("_cdktn_78ede62e.ImportableResource", jsii.sinvoke(cls, "generateConfigForImport", [scope, import_to_id, import_from_id, provider]))

    @jsii.member(jsii_name="resetBody")
    def reset_body(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetBody", []))

    @jsii.member(jsii_name="resetConditionPath")
    def reset_condition_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetConditionPath", []))

    @jsii.member(jsii_name="resetDestroyBody")
    def reset_destroy_body(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetDestroyBody", []))

    @jsii.member(jsii_name="resetDestroyIf")
    def reset_destroy_if(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetDestroyIf", []))

    @jsii.member(jsii_name="resetDestroyMethod")
    def reset_destroy_method(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetDestroyMethod", []))

    @jsii.member(jsii_name="resetDestroyPath")
    def reset_destroy_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetDestroyPath", []))

    @jsii.member(jsii_name="resetDestroyWhen")
    def reset_destroy_when(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetDestroyWhen", []))

    @jsii.member(jsii_name="resetEffectiveWhen")
    def reset_effective_when(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetEffectiveWhen", []))

    @jsii.member(jsii_name="resetExpectedStatus")
    def reset_expected_status(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetExpectedStatus", []))

    @jsii.member(jsii_name="resetMethod")
    def reset_method(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetMethod", []))

    @jsii.member(jsii_name="resetOutputs")
    def reset_outputs(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetOutputs", []))

    @jsii.member(jsii_name="resetPolling")
    def reset_polling(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetPolling", []))

    @jsii.member(jsii_name="resetPreconditions")
    def reset_preconditions(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetPreconditions", []))

    @jsii.member(jsii_name="resetReadBody")
    def reset_read_body(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetReadBody", []))

    @jsii.member(jsii_name="resetReadMethod")
    def reset_read_method(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetReadMethod", []))

    @jsii.member(jsii_name="resetReadPath")
    def reset_read_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetReadPath", []))

    @jsii.member(jsii_name="resetResponseOmitKeys")
    def reset_response_omit_keys(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetResponseOmitKeys", []))

    @jsii.member(jsii_name="resetRunIf")
    def reset_run_if(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetRunIf", []))

    @jsii.member(jsii_name="resetRunWhen")
    def reset_run_when(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetRunWhen", []))

    @jsii.member(jsii_name="resetSensitiveOutputs")
    def reset_sensitive_outputs(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetSensitiveOutputs", []))

    @jsii.member(jsii_name="resetTriggers")
    def reset_triggers(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetTriggers", []))

    @jsii.member(jsii_name="resetWriteOnlyData")
    def reset_write_only_data(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetWriteOnlyData", []))

    @jsii.member(jsii_name="synthesizeAttributes")
    def _synthesize_attributes(self) -> typing.Mapping[builtins.str, typing.Any]:
        return typing.cast(typing.Mapping[builtins.str, typing.Any], jsii.invoke(self, "synthesizeAttributes", []))

    @jsii.member(jsii_name="synthesizeHclAttributes")
    def _synthesize_hcl_attributes(self) -> typing.Mapping[builtins.str, typing.Any]:
        return typing.cast(typing.Mapping[builtins.str, typing.Any], jsii.invoke(self, "synthesizeHclAttributes", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="tfResourceType")
    def TF_RESOURCE_TYPE(cls) -> builtins.str:
        return typing.cast(builtins.str, jsii.sget(cls, "tfResourceType"))

    @builtins.property
    @jsii.member(jsii_name="id")
    def id(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "id"))

    @builtins.property
    @jsii.member(jsii_name="inEffect")
    def in_effect(self) -> "_cdktn_78ede62e.IResolvable":
        return typing.cast("_cdktn_78ede62e.IResolvable", jsii.get(self, "inEffect"))

    @builtins.property
    @jsii.member(jsii_name="outputValues")
    def output_values(self) -> "_cdktn_78ede62e.StringMap":
        return typing.cast("_cdktn_78ede62e.StringMap", jsii.get(self, "outputValues"))

    @builtins.property
    @jsii.member(jsii_name="response")
    def response(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "response"))

    @builtins.property
    @jsii.member(jsii_name="sensitiveOutputValues")
    def sensitive_output_values(self) -> "_cdktn_78ede62e.StringMap":
        return typing.cast("_cdktn_78ede62e.StringMap", jsii.get(self, "sensitiveOutputValues"))

    @builtins.property
    @jsii.member(jsii_name="writeOnlyDataHash")
    def write_only_data_hash(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "writeOnlyDataHash"))

    @builtins.property
    @jsii.member(jsii_name="bodyInput")
    def body_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "bodyInput"))

    @builtins.property
    @jsii.member(jsii_name="conditionPathInput")
    def condition_path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "conditionPathInput"))

    @builtins.property
    @jsii.member(jsii_name="destroyBodyInput")
    def destroy_body_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "destroyBodyInput"))

    @builtins.property
    @jsii.member(jsii_name="destroyIfInput")
    def destroy_if_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "destroyIfInput"))

    @builtins.property
    @jsii.member(jsii_name="destroyMethodInput")
    def destroy_method_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "destroyMethodInput"))

    @builtins.property
    @jsii.member(jsii_name="destroyPathInput")
    def destroy_path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "destroyPathInput"))

    @builtins.property
    @jsii.member(jsii_name="destroyWhenInput")
    def destroy_when_input(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "destroyWhenInput"))

    @builtins.property
    @jsii.member(jsii_name="effectiveWhenInput")
    def effective_when_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "effectiveWhenInput"))

    @builtins.property
    @jsii.member(jsii_name="expectedStatusInput")
    def expected_status_input(self) -> typing.Optional[typing.List[jsii.Number]]:
        return typing.cast(typing.Optional[typing.List[jsii.Number]], jsii.get(self, "expectedStatusInput"))

    @builtins.property
    @jsii.member(jsii_name="methodInput")
    def method_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "methodInput"))

    @builtins.property
    @jsii.member(jsii_name="outputsInput")
    def outputs_input(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "outputsInput"))

    @builtins.property
    @jsii.member(jsii_name="pathInput")
    def path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "pathInput"))

    @builtins.property
    @jsii.member(jsii_name="pollingInput")
    def polling_input(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "pollingInput"))

    @builtins.property
    @jsii.member(jsii_name="preconditionsInput")
    def preconditions_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "preconditionsInput"))

    @builtins.property
    @jsii.member(jsii_name="readBodyInput")
    def read_body_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "readBodyInput"))

    @builtins.property
    @jsii.member(jsii_name="readMethodInput")
    def read_method_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "readMethodInput"))

    @builtins.property
    @jsii.member(jsii_name="readPathInput")
    def read_path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "readPathInput"))

    @builtins.property
    @jsii.member(jsii_name="responseOmitKeysInput")
    def response_omit_keys_input(self) -> typing.Optional[typing.List[builtins.str]]:
        return typing.cast(typing.Optional[typing.List[builtins.str]], jsii.get(self, "responseOmitKeysInput"))

    @builtins.property
    @jsii.member(jsii_name="runIfInput")
    def run_if_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "runIfInput"))

    @builtins.property
    @jsii.member(jsii_name="runWhenInput")
    def run_when_input(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "runWhenInput"))

    @builtins.property
    @jsii.member(jsii_name="sensitiveOutputsInput")
    def sensitive_outputs_input(
        self,
    ) -> typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]]:
        return typing.cast(typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]], jsii.get(self, "sensitiveOutputsInput"))

    @builtins.property
    @jsii.member(jsii_name="triggersInput")
    def triggers_input(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], jsii.get(self, "triggersInput"))

    @builtins.property
    @jsii.member(jsii_name="writeOnlyDataInput")
    def write_only_data_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "writeOnlyDataInput"))

    @builtins.property
    @jsii.member(jsii_name="body")
    def body(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "body"))

    @body.setter
    def body(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__e8217314775fbf450764e4113cff6ab707c9dd99ee128bafb0d01b24302b3c26)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "body", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="conditionPath")
    def condition_path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "conditionPath"))

    @condition_path.setter
    def condition_path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__a115efba935a2ad2c67d0ad3991eac6965141bcebc62bf8cbfef7cc15564cbbd)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "conditionPath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="destroyBody")
    def destroy_body(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "destroyBody"))

    @destroy_body.setter
    def destroy_body(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__ada0277aca69124e2a690fb1670120147d33ae7e71c26bb7f0a0bd3402a3097b)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "destroyBody", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="destroyIf")
    def destroy_if(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "destroyIf"))

    @destroy_if.setter
    def destroy_if(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__495c8c9eb44af0058152f19f88a040c01ec235ce544720f40799dc61f1698665)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "destroyIf", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="destroyMethod")
    def destroy_method(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "destroyMethod"))

    @destroy_method.setter
    def destroy_method(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__aa17b6b6f0b288ce55edf78ada1f9c15d0847ec0dcc876a16dc604f11bc06e9f)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "destroyMethod", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="destroyPath")
    def destroy_path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "destroyPath"))

    @destroy_path.setter
    def destroy_path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__20d252c2bd4bde1c16ac5e607375a8193bafd4fdea4deb6fad4c239c3589c26f)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "destroyPath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="destroyWhen")
    def destroy_when(self) -> typing.Mapping[builtins.str, builtins.str]:
        return typing.cast(typing.Mapping[builtins.str, builtins.str], jsii.get(self, "destroyWhen"))

    @destroy_when.setter
    def destroy_when(self, value: typing.Mapping[builtins.str, builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__e2c27b215ded0f736fa0d74f29e9e4790cdb0e19fdd2a9b23c0470b41194cf2e)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "destroyWhen", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="effectiveWhen")
    def effective_when(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "effectiveWhen"))

    @effective_when.setter
    def effective_when(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__4c562aeeb3135991d849fb9543ea6e9bf9e46b8ed076bb5b237901279cc83ec8)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "effectiveWhen", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="expectedStatus")
    def expected_status(self) -> typing.List[jsii.Number]:
        return typing.cast(typing.List[jsii.Number], jsii.get(self, "expectedStatus"))

    @expected_status.setter
    def expected_status(self, value: typing.List[jsii.Number]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__c8d1f1e8363af3115a3f90fd16dab056ed4e1feb1cb64f9e7e1157fbb5cedf09)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "expectedStatus", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="method")
    def method(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "method"))

    @method.setter
    def method(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__0c45ba55cc8ed3b4da694e248941e495d900955da0391401a5d4ffcc024f2e08)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "method", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="outputs")
    def outputs(self) -> typing.Mapping[builtins.str, builtins.str]:
        return typing.cast(typing.Mapping[builtins.str, builtins.str], jsii.get(self, "outputs"))

    @outputs.setter
    def outputs(self, value: typing.Mapping[builtins.str, builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__79a124c4676860b4ce785400b849ef666e1f5c3a2a564aafb3620a9103bfa995)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "outputs", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="path")
    def path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "path"))

    @path.setter
    def path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__efb2e8aa03270e8ee5c6f19d48e946e3141aeee7e9d1925b18b0401fd580e6b6)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "path", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="polling")
    def polling(self) -> typing.Mapping[builtins.str, builtins.str]:
        return typing.cast(typing.Mapping[builtins.str, builtins.str], jsii.get(self, "polling"))

    @polling.setter
    def polling(self, value: typing.Mapping[builtins.str, builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__cad7b961496d9bb22b2f71e514c447d0df777007a81cc1724d9592215d2557c3)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "polling", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="preconditions")
    def preconditions(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "preconditions"))

    @preconditions.setter
    def preconditions(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__f16ee9816d5ff6e51629d8459686419fdf9b3e99d394035ec62b9ae4a147b882)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "preconditions", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="readBody")
    def read_body(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "readBody"))

    @read_body.setter
    def read_body(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__8b6bbef44ed45fa072c5ee47ac7be4d8247c000191fa9070d154932733be3a89)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "readBody", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="readMethod")
    def read_method(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "readMethod"))

    @read_method.setter
    def read_method(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__1dcb24a5c8ca54db00ae8b9a0b1e99f938737d52433ec28c6b2fed3621d9790b)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "readMethod", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="readPath")
    def read_path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "readPath"))

    @read_path.setter
    def read_path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__ad1094f5c00b87e7d079eb4ffb724b36c49bcc8c848541e740b39ebde1182f59)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "readPath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="responseOmitKeys")
    def response_omit_keys(self) -> typing.List[builtins.str]:
        return typing.cast(typing.List[builtins.str], jsii.get(self, "responseOmitKeys"))

    @response_omit_keys.setter
    def response_omit_keys(self, value: typing.List[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__4cac5fd1f26db5a72a4805f1ae13b9a47cf472f6d3000e261c6a1df9f6e6392c)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "responseOmitKeys", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="runIf")
    def run_if(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "runIf"))

    @run_if.setter
    def run_if(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__97a4ed52a2e524cc4081652cfc987547248c2ba769d26f0a5b3574cc9064a283)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "runIf", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="runWhen")
    def run_when(self) -> typing.Mapping[builtins.str, builtins.str]:
        return typing.cast(typing.Mapping[builtins.str, builtins.str], jsii.get(self, "runWhen"))

    @run_when.setter
    def run_when(self, value: typing.Mapping[builtins.str, builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__69846c09412afd8106ff4a5cded4d78a3c9666f68435a2feb99b499a28989433)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "runWhen", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="sensitiveOutputs")
    def sensitive_outputs(
        self,
    ) -> typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]:
        return typing.cast(typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"], jsii.get(self, "sensitiveOutputs"))

    @sensitive_outputs.setter
    def sensitive_outputs(
        self,
        value: typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"],
    ) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__db61a152aa9d1c8cc8e4f07f508ba5bafab704f94b2f7cc8b700236836559911)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "sensitiveOutputs", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="triggers")
    def triggers(self) -> typing.Mapping[builtins.str, builtins.str]:
        return typing.cast(typing.Mapping[builtins.str, builtins.str], jsii.get(self, "triggers"))

    @triggers.setter
    def triggers(self, value: typing.Mapping[builtins.str, builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__8423e05fb40fe3f1c0ebe3a7f5533bdba43db05752386219d042ebec9b59a4a7)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "triggers", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="writeOnlyData")
    def write_only_data(self) -> builtins.str:
        '''
        :deprecated: Write-only: the provider never returns this value; reading it always yields null by protocol contract. The getter remains for compatibility and will be removed in a future prebuilt-provider major.

        :stability: deprecated
        '''
        return typing.cast(builtins.str, jsii.get(self, "writeOnlyData"))

    @write_only_data.setter
    def write_only_data(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__e443c11df25949575ea7c8af9047b8923cee3d3d6160e70ffca1aa2282a6360a)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "writeOnlyData", value) # pyright: ignore[reportArgumentType]


@jsii.data_type(
    jsii_type="rest.operation.OperationConfig",
    jsii_struct_bases=[_cdktn_78ede62e.TerraformMetaArguments],
    name_mapping={
        "connection": "connection",
        "count": "count",
        "depends_on": "dependsOn",
        "for_each": "forEach",
        "lifecycle": "lifecycle",
        "provider": "provider",
        "provisioners": "provisioners",
        "path": "path",
        "body": "body",
        "condition_path": "conditionPath",
        "destroy_body": "destroyBody",
        "destroy_if": "destroyIf",
        "destroy_method": "destroyMethod",
        "destroy_path": "destroyPath",
        "destroy_when": "destroyWhen",
        "effective_when": "effectiveWhen",
        "expected_status": "expectedStatus",
        "method": "method",
        "outputs": "outputs",
        "polling": "polling",
        "preconditions": "preconditions",
        "read_body": "readBody",
        "read_method": "readMethod",
        "read_path": "readPath",
        "response_omit_keys": "responseOmitKeys",
        "run_if": "runIf",
        "run_when": "runWhen",
        "sensitive_outputs": "sensitiveOutputs",
        "triggers": "triggers",
        "write_only_data": "writeOnlyData",
    },
)
class OperationConfig(_cdktn_78ede62e.TerraformMetaArguments):
    def __init__(
        self,
        *,
        connection: typing.Optional[typing.Union[typing.Union["_cdktn_78ede62e.SSHProvisionerConnection", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.WinrmProvisionerConnection", typing.Dict[builtins.str, typing.Any]]]] = None,
        count: typing.Optional[typing.Union[jsii.Number, "_cdktn_78ede62e.TerraformCount"]] = None,
        depends_on: typing.Optional[typing.Sequence["_cdktn_78ede62e.ITerraformDependable"]] = None,
        for_each: typing.Optional["_cdktn_78ede62e.ITerraformIterator"] = None,
        lifecycle: typing.Optional[typing.Union["_cdktn_78ede62e.TerraformResourceLifecycle", typing.Dict[builtins.str, typing.Any]]] = None,
        provider: typing.Optional["_cdktn_78ede62e.TerraformProvider"] = None,
        provisioners: typing.Optional[typing.Sequence[typing.Union[typing.Union["_cdktn_78ede62e.FileProvisioner", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.LocalExecProvisioner", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.RemoteExecProvisioner", typing.Dict[builtins.str, typing.Any]]]]] = None,
        path: builtins.str,
        body: typing.Optional[builtins.str] = None,
        condition_path: typing.Optional[builtins.str] = None,
        destroy_body: typing.Optional[builtins.str] = None,
        destroy_if: typing.Optional[builtins.str] = None,
        destroy_method: typing.Optional[builtins.str] = None,
        destroy_path: typing.Optional[builtins.str] = None,
        destroy_when: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        effective_when: typing.Optional[builtins.str] = None,
        expected_status: typing.Optional[typing.Sequence[jsii.Number]] = None,
        method: typing.Optional[builtins.str] = None,
        outputs: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        polling: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        preconditions: typing.Optional[builtins.str] = None,
        read_body: typing.Optional[builtins.str] = None,
        read_method: typing.Optional[builtins.str] = None,
        read_path: typing.Optional[builtins.str] = None,
        response_omit_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
        run_if: typing.Optional[builtins.str] = None,
        run_when: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        sensitive_outputs: typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]] = None,
        triggers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        write_only_data: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param connection: 
        :param count: 
        :param depends_on: 
        :param for_each: 
        :param lifecycle: 
        :param provider: 
        :param provisioners: 
        :param path: Path of the call, relative to base_url. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#path Operation#path}
        :param body: JSON body of the call, sent as written but for ``{secret.<name>}`` placeholders (the provider's ``secrets``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#body Operation#body}
        :param condition_path: Path read (GET) before the call and before the destroy call, to evaluate ``run_when`` and ``destroy_when`` (e.g. ``/sys/replication/dr/status``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#condition_path Operation#condition_path}
        :param destroy_body: JSON body template of the destroy call (same placeholders). A destroy call that needs an empty provider secret is refused at plan. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_body Operation#destroy_body}
        :param destroy_if: A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``, on the ``condition_path`` answer: must hold (with ``destroy_when``) for the destroy call to be made. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_if Operation#destroy_if}
        :param destroy_method: Method of a call made on destroy (default ``POST`` when destroy_path is set). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_method Operation#destroy_method}
        :param destroy_path: Path of a call made on destroy; no call when unset. Placeholders: ``{id}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_path Operation#destroy_path}
        :param destroy_when: Map of path (into the ``condition_path`` answer) → expected text; ``a|b`` accepts either, ``!a`` anything but ``a``. All must hold for the destroy call to be made. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_when Operation#destroy_when}
        :param effective_when: A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``. Holds on the ``read_path`` answer while the call's effect is in place (e.g. the cluster is a DR primary); while it holds, the call is not made. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#effective_when Operation#effective_when}
        :param expected_status: Statuses that count as success (default: any 2xx). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#expected_status Operation#expected_status}
        :param method: Method of the call (default ``POST``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#method Operation#method}
        :param outputs: Values to pick from the response: name → path (e.g. ``token = "wrap_info/token"``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#outputs Operation#outputs}
        :param polling: How a ``202 Accepted`` with a job reference is followed until the job ends: ``href_path``: path of the job link in a 202 answer (default ``job/_links/self/href``); ``state_path``: path of the state in the job (default ``state``); ``success_states``: comma-separated states that end the job well (default ``success``); ``failure_states``: comma-separated states that end it badly (default ``failure,error``); ``message_path``: path of the job's message (default ``message``); ``interval_seconds``: seconds between polls (default 0.2); ``timeout_seconds``: give up after this many seconds (default 300); the job's outcome is then unknown; ``enabled``: ``false`` to return a 202 answer without following it. The defaults follow ONTAP jobs. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#polling Operation#polling}
        :param preconditions: Checks made whenever the call is planned and right before it is made, as a JSON list of ``{"path", "method"?, "body"?, "when"?, "require", "message", "if_absent"?}``: each path is read and the predicate ``require`` must hold, else the plan (or the call) is refused with ``message`` and nothing is sent; ``when``, a predicate on the ``condition_path`` answer, limits a check to some states; a 404 answer refuses unless ``if_absent`` is ``pass``. A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#preconditions Operation#preconditions}
        :param read_body: JSON body of the read-back (``{secret.<name>}`` placeholders). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_body Operation#read_body}
        :param read_method: Method of the read-back (default ``GET``; ``POST`` for RPC-style reads). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_method Operation#read_method}
        :param read_path: Read-back: the path whose answer says whether the call's effect holds (with ``effective_when``). Read at every refresh (``in_effect``), and after a lost answer to tell whether the call was carried out. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_path Operation#read_path}
        :param response_omit_keys: Keys removed from ``response`` at any depth (default: password, passphrase, existing_passphrase, secret, client_token, dr_operation_token). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#response_omit_keys Operation#response_omit_keys}
        :param run_if: A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``, on the ``condition_path`` answer: must hold (with ``run_when``) for the call to be made; otherwise the run is recorded as skipped. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#run_if Operation#run_if}
        :param run_when: Map of path (into the ``condition_path`` answer) → expected text; ``a|b`` accepts either, ``!a`` anything but ``a``. All must hold for the call to be made; otherwise the run is recorded as skipped. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#run_when Operation#run_when}
        :param sensitive_outputs: Put the picked values in ``sensitive_output_values`` (and remove them from ``response``) instead of ``output_values``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#sensitive_outputs Operation#sensitive_outputs}
        :param triggers: Arbitrary values; when any changes, the call runs again. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#triggers Operation#triggers}
        :param write_only_data: JSON merged into the body and never stored (tokens, passphrases). State keeps only a salted digest, so a change runs the call again. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#write_only_data Operation#write_only_data}
        '''
        if isinstance(lifecycle, dict):
            lifecycle = _cdktn_78ede62e.TerraformResourceLifecycle(**lifecycle)
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__0b1b43e5913c1a26ee994d65e75b1deec573542b63dc4b10457111c6fdaef711)
            check_type(argname="argument connection", value=connection, expected_type=type_hints["connection"])
            check_type(argname="argument count", value=count, expected_type=type_hints["count"])
            check_type(argname="argument depends_on", value=depends_on, expected_type=type_hints["depends_on"])
            check_type(argname="argument for_each", value=for_each, expected_type=type_hints["for_each"])
            check_type(argname="argument lifecycle", value=lifecycle, expected_type=type_hints["lifecycle"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
            check_type(argname="argument provisioners", value=provisioners, expected_type=type_hints["provisioners"])
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
            check_type(argname="argument body", value=body, expected_type=type_hints["body"])
            check_type(argname="argument condition_path", value=condition_path, expected_type=type_hints["condition_path"])
            check_type(argname="argument destroy_body", value=destroy_body, expected_type=type_hints["destroy_body"])
            check_type(argname="argument destroy_if", value=destroy_if, expected_type=type_hints["destroy_if"])
            check_type(argname="argument destroy_method", value=destroy_method, expected_type=type_hints["destroy_method"])
            check_type(argname="argument destroy_path", value=destroy_path, expected_type=type_hints["destroy_path"])
            check_type(argname="argument destroy_when", value=destroy_when, expected_type=type_hints["destroy_when"])
            check_type(argname="argument effective_when", value=effective_when, expected_type=type_hints["effective_when"])
            check_type(argname="argument expected_status", value=expected_status, expected_type=type_hints["expected_status"])
            check_type(argname="argument method", value=method, expected_type=type_hints["method"])
            check_type(argname="argument outputs", value=outputs, expected_type=type_hints["outputs"])
            check_type(argname="argument polling", value=polling, expected_type=type_hints["polling"])
            check_type(argname="argument preconditions", value=preconditions, expected_type=type_hints["preconditions"])
            check_type(argname="argument read_body", value=read_body, expected_type=type_hints["read_body"])
            check_type(argname="argument read_method", value=read_method, expected_type=type_hints["read_method"])
            check_type(argname="argument read_path", value=read_path, expected_type=type_hints["read_path"])
            check_type(argname="argument response_omit_keys", value=response_omit_keys, expected_type=type_hints["response_omit_keys"])
            check_type(argname="argument run_if", value=run_if, expected_type=type_hints["run_if"])
            check_type(argname="argument run_when", value=run_when, expected_type=type_hints["run_when"])
            check_type(argname="argument sensitive_outputs", value=sensitive_outputs, expected_type=type_hints["sensitive_outputs"])
            check_type(argname="argument triggers", value=triggers, expected_type=type_hints["triggers"])
            check_type(argname="argument write_only_data", value=write_only_data, expected_type=type_hints["write_only_data"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "path": path,
        }
        if connection is not None:
            self._values["connection"] = connection
        if count is not None:
            self._values["count"] = count
        if depends_on is not None:
            self._values["depends_on"] = depends_on
        if for_each is not None:
            self._values["for_each"] = for_each
        if lifecycle is not None:
            self._values["lifecycle"] = lifecycle
        if provider is not None:
            self._values["provider"] = provider
        if provisioners is not None:
            self._values["provisioners"] = provisioners
        if body is not None:
            self._values["body"] = body
        if condition_path is not None:
            self._values["condition_path"] = condition_path
        if destroy_body is not None:
            self._values["destroy_body"] = destroy_body
        if destroy_if is not None:
            self._values["destroy_if"] = destroy_if
        if destroy_method is not None:
            self._values["destroy_method"] = destroy_method
        if destroy_path is not None:
            self._values["destroy_path"] = destroy_path
        if destroy_when is not None:
            self._values["destroy_when"] = destroy_when
        if effective_when is not None:
            self._values["effective_when"] = effective_when
        if expected_status is not None:
            self._values["expected_status"] = expected_status
        if method is not None:
            self._values["method"] = method
        if outputs is not None:
            self._values["outputs"] = outputs
        if polling is not None:
            self._values["polling"] = polling
        if preconditions is not None:
            self._values["preconditions"] = preconditions
        if read_body is not None:
            self._values["read_body"] = read_body
        if read_method is not None:
            self._values["read_method"] = read_method
        if read_path is not None:
            self._values["read_path"] = read_path
        if response_omit_keys is not None:
            self._values["response_omit_keys"] = response_omit_keys
        if run_if is not None:
            self._values["run_if"] = run_if
        if run_when is not None:
            self._values["run_when"] = run_when
        if sensitive_outputs is not None:
            self._values["sensitive_outputs"] = sensitive_outputs
        if triggers is not None:
            self._values["triggers"] = triggers
        if write_only_data is not None:
            self._values["write_only_data"] = write_only_data

    @builtins.property
    def connection(
        self,
    ) -> typing.Optional[typing.Union["_cdktn_78ede62e.SSHProvisionerConnection", "_cdktn_78ede62e.WinrmProvisionerConnection"]]:
        '''
        :stability: experimental
        '''
        result = self._values.get("connection")
        return typing.cast(typing.Optional[typing.Union["_cdktn_78ede62e.SSHProvisionerConnection", "_cdktn_78ede62e.WinrmProvisionerConnection"]], result)

    @builtins.property
    def count(
        self,
    ) -> typing.Optional[typing.Union[jsii.Number, "_cdktn_78ede62e.TerraformCount"]]:
        '''
        :stability: experimental
        '''
        result = self._values.get("count")
        return typing.cast(typing.Optional[typing.Union[jsii.Number, "_cdktn_78ede62e.TerraformCount"]], result)

    @builtins.property
    def depends_on(
        self,
    ) -> typing.Optional[typing.List["_cdktn_78ede62e.ITerraformDependable"]]:
        '''
        :stability: experimental
        '''
        result = self._values.get("depends_on")
        return typing.cast(typing.Optional[typing.List["_cdktn_78ede62e.ITerraformDependable"]], result)

    @builtins.property
    def for_each(self) -> typing.Optional["_cdktn_78ede62e.ITerraformIterator"]:
        '''
        :stability: experimental
        '''
        result = self._values.get("for_each")
        return typing.cast(typing.Optional["_cdktn_78ede62e.ITerraformIterator"], result)

    @builtins.property
    def lifecycle(
        self,
    ) -> typing.Optional["_cdktn_78ede62e.TerraformResourceLifecycle"]:
        '''
        :stability: experimental
        '''
        result = self._values.get("lifecycle")
        return typing.cast(typing.Optional["_cdktn_78ede62e.TerraformResourceLifecycle"], result)

    @builtins.property
    def provider(self) -> typing.Optional["_cdktn_78ede62e.TerraformProvider"]:
        '''
        :stability: experimental
        '''
        result = self._values.get("provider")
        return typing.cast(typing.Optional["_cdktn_78ede62e.TerraformProvider"], result)

    @builtins.property
    def provisioners(
        self,
    ) -> typing.Optional[typing.List[typing.Union["_cdktn_78ede62e.FileProvisioner", "_cdktn_78ede62e.LocalExecProvisioner", "_cdktn_78ede62e.RemoteExecProvisioner"]]]:
        '''
        :stability: experimental
        '''
        result = self._values.get("provisioners")
        return typing.cast(typing.Optional[typing.List[typing.Union["_cdktn_78ede62e.FileProvisioner", "_cdktn_78ede62e.LocalExecProvisioner", "_cdktn_78ede62e.RemoteExecProvisioner"]]], result)

    @builtins.property
    def path(self) -> builtins.str:
        '''Path of the call, relative to base_url.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#path Operation#path}
        '''
        result = self._values.get("path")
        assert result is not None, "Required property 'path' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def body(self) -> typing.Optional[builtins.str]:
        '''JSON body of the call, sent as written but for ``{secret.<name>}`` placeholders (the provider's ``secrets``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#body Operation#body}
        '''
        result = self._values.get("body")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def condition_path(self) -> typing.Optional[builtins.str]:
        '''Path read (GET) before the call and before the destroy call, to evaluate ``run_when`` and ``destroy_when`` (e.g. ``/sys/replication/dr/status``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#condition_path Operation#condition_path}
        '''
        result = self._values.get("condition_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destroy_body(self) -> typing.Optional[builtins.str]:
        '''JSON body template of the destroy call (same placeholders).

        A destroy call that needs an empty provider secret is refused at plan.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_body Operation#destroy_body}
        '''
        result = self._values.get("destroy_body")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destroy_if(self) -> typing.Optional[builtins.str]:
        '''A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``;

        tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``, on the ``condition_path`` answer: must hold (with ``destroy_when``) for the destroy call to be made.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_if Operation#destroy_if}
        '''
        result = self._values.get("destroy_if")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destroy_method(self) -> typing.Optional[builtins.str]:
        '''Method of a call made on destroy (default ``POST`` when destroy_path is set).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_method Operation#destroy_method}
        '''
        result = self._values.get("destroy_method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destroy_path(self) -> typing.Optional[builtins.str]:
        '''Path of a call made on destroy; no call when unset. Placeholders: ``{id}``, ``{response.<key>}``, ``{secret.<name>}``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_path Operation#destroy_path}
        '''
        result = self._values.get("destroy_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destroy_when(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Map of path (into the ``condition_path`` answer) → expected text;

        ``a|b`` accepts either, ``!a`` anything but ``a``. All must hold for the destroy call to be made.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#destroy_when Operation#destroy_when}
        '''
        result = self._values.get("destroy_when")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def effective_when(self) -> typing.Optional[builtins.str]:
        '''A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``;

        tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``. Holds on the ``read_path`` answer while the call's effect is in place (e.g. the cluster is a DR primary); while it holds, the call is not made.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#effective_when Operation#effective_when}
        '''
        result = self._values.get("effective_when")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def expected_status(self) -> typing.Optional[typing.List[jsii.Number]]:
        '''Statuses that count as success (default: any 2xx).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#expected_status Operation#expected_status}
        '''
        result = self._values.get("expected_status")
        return typing.cast(typing.Optional[typing.List[jsii.Number]], result)

    @builtins.property
    def method(self) -> typing.Optional[builtins.str]:
        '''Method of the call (default ``POST``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#method Operation#method}
        '''
        result = self._values.get("method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def outputs(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Values to pick from the response: name → path (e.g. ``token = "wrap_info/token"``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#outputs Operation#outputs}
        '''
        result = self._values.get("outputs")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def polling(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''How a ``202 Accepted`` with a job reference is followed until the job ends: ``href_path``: path of the job link in a 202 answer (default ``job/_links/self/href``);

        ``state_path``: path of the state in the job (default ``state``); ``success_states``: comma-separated states that end the job well (default ``success``); ``failure_states``: comma-separated states that end it badly (default ``failure,error``); ``message_path``: path of the job's message (default ``message``); ``interval_seconds``: seconds between polls (default 0.2); ``timeout_seconds``: give up after this many seconds (default 300); the job's outcome is then unknown; ``enabled``: ``false`` to return a 202 answer without following it. The defaults follow ONTAP jobs.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#polling Operation#polling}
        '''
        result = self._values.get("polling")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def preconditions(self) -> typing.Optional[builtins.str]:
        '''Checks made whenever the call is planned and right before it is made, as a JSON list of ``{"path", "method"?, "body"?, "when"?, "require", "message", "if_absent"?}``: each path is read and the predicate ``require`` must hold, else the plan (or the call) is refused with ``message`` and nothing is sent; ``when``, a predicate on the ``condition_path`` answer, limits a check to some states; a 404 answer refuses unless ``if_absent`` is ``pass``. A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``; tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#preconditions Operation#preconditions}
        '''
        result = self._values.get("preconditions")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read_body(self) -> typing.Optional[builtins.str]:
        '''JSON body of the read-back (``{secret.<name>}`` placeholders).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_body Operation#read_body}
        '''
        result = self._values.get("read_body")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read_method(self) -> typing.Optional[builtins.str]:
        '''Method of the read-back (default ``GET``; ``POST`` for RPC-style reads).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_method Operation#read_method}
        '''
        result = self._values.get("read_method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read_path(self) -> typing.Optional[builtins.str]:
        '''Read-back: the path whose answer says whether the call's effect holds (with ``effective_when``).

        Read at every refresh (``in_effect``), and after a lost answer to tell whether the call was carried out.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#read_path Operation#read_path}
        '''
        result = self._values.get("read_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def response_omit_keys(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Keys removed from ``response`` at any depth (default: password, passphrase, existing_passphrase, secret, client_token, dr_operation_token).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#response_omit_keys Operation#response_omit_keys}
        '''
        result = self._values.get("response_omit_keys")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def run_if(self) -> typing.Optional[builtins.str]:
        '''A predicate, as JSON: ``{"path": "data/mode", "equals": "primary"}``;

        tests ``equals``, ``in``, ``not_in``, ``contains``, ``subset_of``, ``keys_subset_of``, ``some`` (a predicate on list items), ``exists``; ``{"supplied": "<secret>"}``; combined with ``all``, ``any``, ``not``, on the ``condition_path`` answer: must hold (with ``run_when``) for the call to be made; otherwise the run is recorded as skipped.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#run_if Operation#run_if}
        '''
        result = self._values.get("run_if")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def run_when(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Map of path (into the ``condition_path`` answer) → expected text;

        ``a|b`` accepts either, ``!a`` anything but ``a``. All must hold for the call to be made; otherwise the run is recorded as skipped.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#run_when Operation#run_when}
        '''
        result = self._values.get("run_when")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def sensitive_outputs(
        self,
    ) -> typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]]:
        '''Put the picked values in ``sensitive_output_values`` (and remove them from ``response``) instead of ``output_values``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#sensitive_outputs Operation#sensitive_outputs}
        '''
        result = self._values.get("sensitive_outputs")
        return typing.cast(typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]], result)

    @builtins.property
    def triggers(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''Arbitrary values; when any changes, the call runs again.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#triggers Operation#triggers}
        '''
        result = self._values.get("triggers")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def write_only_data(self) -> typing.Optional[builtins.str]:
        '''JSON merged into the body and never stored (tokens, passphrases).

        State keeps only a salted digest, so a change runs the call again.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/operation#write_only_data Operation#write_only_data}
        '''
        result = self._values.get("write_only_data")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "OperationConfig(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "Operation",
    "OperationConfig",
]

publication.publish()

def _typecheckingstub__9f60225c69e86b322b980757446643288a4ef08d7c31ac534e6defe98e78f656(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    path: builtins.str,
    body: typing.Optional[builtins.str] = None,
    condition_path: typing.Optional[builtins.str] = None,
    destroy_body: typing.Optional[builtins.str] = None,
    destroy_if: typing.Optional[builtins.str] = None,
    destroy_method: typing.Optional[builtins.str] = None,
    destroy_path: typing.Optional[builtins.str] = None,
    destroy_when: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    effective_when: typing.Optional[builtins.str] = None,
    expected_status: typing.Optional[typing.Sequence[jsii.Number]] = None,
    method: typing.Optional[builtins.str] = None,
    outputs: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    polling: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    preconditions: typing.Optional[builtins.str] = None,
    read_body: typing.Optional[builtins.str] = None,
    read_method: typing.Optional[builtins.str] = None,
    read_path: typing.Optional[builtins.str] = None,
    response_omit_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
    run_if: typing.Optional[builtins.str] = None,
    run_when: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    sensitive_outputs: typing.Optional[typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable]] = None,
    triggers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    write_only_data: typing.Optional[builtins.str] = None,
    connection: typing.Optional[typing.Union[typing.Union[_cdktn_78ede62e.SSHProvisionerConnection, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.WinrmProvisionerConnection, typing.Dict[builtins.str, typing.Any]]]] = None,
    count: typing.Optional[typing.Union[jsii.Number, _cdktn_78ede62e.TerraformCount]] = None,
    depends_on: typing.Optional[typing.Sequence[_cdktn_78ede62e.ITerraformDependable]] = None,
    for_each: typing.Optional[_cdktn_78ede62e.ITerraformIterator] = None,
    lifecycle: typing.Optional[typing.Union[_cdktn_78ede62e.TerraformResourceLifecycle, typing.Dict[builtins.str, typing.Any]]] = None,
    provider: typing.Optional[_cdktn_78ede62e.TerraformProvider] = None,
    provisioners: typing.Optional[typing.Sequence[typing.Union[typing.Union[_cdktn_78ede62e.FileProvisioner, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.LocalExecProvisioner, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.RemoteExecProvisioner, typing.Dict[builtins.str, typing.Any]]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6893121a7e70895232b7601ef24eb2ad7dff89e64b83d42e6555c82caca85983(
    scope: _constructs_77d1e7e8.Construct,
    import_to_id: builtins.str,
    import_from_id: builtins.str,
    provider: typing.Optional[_cdktn_78ede62e.TerraformProvider] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e8217314775fbf450764e4113cff6ab707c9dd99ee128bafb0d01b24302b3c26(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a115efba935a2ad2c67d0ad3991eac6965141bcebc62bf8cbfef7cc15564cbbd(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ada0277aca69124e2a690fb1670120147d33ae7e71c26bb7f0a0bd3402a3097b(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__495c8c9eb44af0058152f19f88a040c01ec235ce544720f40799dc61f1698665(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__aa17b6b6f0b288ce55edf78ada1f9c15d0847ec0dcc876a16dc604f11bc06e9f(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__20d252c2bd4bde1c16ac5e607375a8193bafd4fdea4deb6fad4c239c3589c26f(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e2c27b215ded0f736fa0d74f29e9e4790cdb0e19fdd2a9b23c0470b41194cf2e(
    value: typing.Mapping[builtins.str, builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__4c562aeeb3135991d849fb9543ea6e9bf9e46b8ed076bb5b237901279cc83ec8(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c8d1f1e8363af3115a3f90fd16dab056ed4e1feb1cb64f9e7e1157fbb5cedf09(
    value: typing.List[jsii.Number],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0c45ba55cc8ed3b4da694e248941e495d900955da0391401a5d4ffcc024f2e08(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__79a124c4676860b4ce785400b849ef666e1f5c3a2a564aafb3620a9103bfa995(
    value: typing.Mapping[builtins.str, builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__efb2e8aa03270e8ee5c6f19d48e946e3141aeee7e9d1925b18b0401fd580e6b6(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cad7b961496d9bb22b2f71e514c447d0df777007a81cc1724d9592215d2557c3(
    value: typing.Mapping[builtins.str, builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f16ee9816d5ff6e51629d8459686419fdf9b3e99d394035ec62b9ae4a147b882(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8b6bbef44ed45fa072c5ee47ac7be4d8247c000191fa9070d154932733be3a89(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1dcb24a5c8ca54db00ae8b9a0b1e99f938737d52433ec28c6b2fed3621d9790b(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ad1094f5c00b87e7d079eb4ffb724b36c49bcc8c848541e740b39ebde1182f59(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__4cac5fd1f26db5a72a4805f1ae13b9a47cf472f6d3000e261c6a1df9f6e6392c(
    value: typing.List[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__97a4ed52a2e524cc4081652cfc987547248c2ba769d26f0a5b3574cc9064a283(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__69846c09412afd8106ff4a5cded4d78a3c9666f68435a2feb99b499a28989433(
    value: typing.Mapping[builtins.str, builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__db61a152aa9d1c8cc8e4f07f508ba5bafab704f94b2f7cc8b700236836559911(
    value: typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8423e05fb40fe3f1c0ebe3a7f5533bdba43db05752386219d042ebec9b59a4a7(
    value: typing.Mapping[builtins.str, builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e443c11df25949575ea7c8af9047b8923cee3d3d6160e70ffca1aa2282a6360a(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0b1b43e5913c1a26ee994d65e75b1deec573542b63dc4b10457111c6fdaef711(
    *,
    connection: typing.Optional[typing.Union[typing.Union[_cdktn_78ede62e.SSHProvisionerConnection, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.WinrmProvisionerConnection, typing.Dict[builtins.str, typing.Any]]]] = None,
    count: typing.Optional[typing.Union[jsii.Number, _cdktn_78ede62e.TerraformCount]] = None,
    depends_on: typing.Optional[typing.Sequence[_cdktn_78ede62e.ITerraformDependable]] = None,
    for_each: typing.Optional[_cdktn_78ede62e.ITerraformIterator] = None,
    lifecycle: typing.Optional[typing.Union[_cdktn_78ede62e.TerraformResourceLifecycle, typing.Dict[builtins.str, typing.Any]]] = None,
    provider: typing.Optional[_cdktn_78ede62e.TerraformProvider] = None,
    provisioners: typing.Optional[typing.Sequence[typing.Union[typing.Union[_cdktn_78ede62e.FileProvisioner, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.LocalExecProvisioner, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.RemoteExecProvisioner, typing.Dict[builtins.str, typing.Any]]]]] = None,
    path: builtins.str,
    body: typing.Optional[builtins.str] = None,
    condition_path: typing.Optional[builtins.str] = None,
    destroy_body: typing.Optional[builtins.str] = None,
    destroy_if: typing.Optional[builtins.str] = None,
    destroy_method: typing.Optional[builtins.str] = None,
    destroy_path: typing.Optional[builtins.str] = None,
    destroy_when: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    effective_when: typing.Optional[builtins.str] = None,
    expected_status: typing.Optional[typing.Sequence[jsii.Number]] = None,
    method: typing.Optional[builtins.str] = None,
    outputs: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    polling: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    preconditions: typing.Optional[builtins.str] = None,
    read_body: typing.Optional[builtins.str] = None,
    read_method: typing.Optional[builtins.str] = None,
    read_path: typing.Optional[builtins.str] = None,
    response_omit_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
    run_if: typing.Optional[builtins.str] = None,
    run_when: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    sensitive_outputs: typing.Optional[typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable]] = None,
    triggers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    write_only_data: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
