r'''
# `rest_object`

Refer to the Terraform Registry for docs: [`rest_object`](https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object).
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


class ObjectResource(
    _cdktn_78ede62e.TerraformResource,
    metaclass=jsii.JSIIMeta,
    jsii_type="rest.objectResource.ObjectResource",
):
    '''Represents a {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object rest_object}.'''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        data: builtins.str,
        path: builtins.str,
        create_method: typing.Optional[builtins.str] = None,
        create_path: typing.Optional[builtins.str] = None,
        destroy_body: typing.Optional[builtins.str] = None,
        destroy_method: typing.Optional[builtins.str] = None,
        destroy_path: typing.Optional[builtins.str] = None,
        force_new_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
        id_attribute: typing.Optional[builtins.str] = None,
        id_template: typing.Optional[builtins.str] = None,
        lookup_body: typing.Optional[builtins.str] = None,
        lookup_method: typing.Optional[builtins.str] = None,
        lookup_path: typing.Optional[builtins.str] = None,
        lookup_selector: typing.Optional[builtins.str] = None,
        polling: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        read_body: typing.Optional[builtins.str] = None,
        read_method: typing.Optional[builtins.str] = None,
        read_path: typing.Optional[builtins.str] = None,
        read_selector: typing.Optional[builtins.str] = None,
        response_omit_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
        set_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
        update_body: typing.Optional[builtins.str] = None,
        update_method: typing.Optional[builtins.str] = None,
        update_path: typing.Optional[builtins.str] = None,
        update_sends: typing.Optional[builtins.str] = None,
        write_only_data: typing.Optional[builtins.str] = None,
        write_only_on_create: typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]] = None,
        connection: typing.Optional[typing.Union[typing.Union["_cdktn_78ede62e.SSHProvisionerConnection", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.WinrmProvisionerConnection", typing.Dict[builtins.str, typing.Any]]]] = None,
        count: typing.Optional[typing.Union[jsii.Number, "_cdktn_78ede62e.TerraformCount"]] = None,
        depends_on: typing.Optional[typing.Sequence["_cdktn_78ede62e.ITerraformDependable"]] = None,
        for_each: typing.Optional["_cdktn_78ede62e.ITerraformIterator"] = None,
        lifecycle: typing.Optional[typing.Union["_cdktn_78ede62e.TerraformResourceLifecycle", typing.Dict[builtins.str, typing.Any]]] = None,
        provider: typing.Optional["_cdktn_78ede62e.TerraformProvider"] = None,
        provisioners: typing.Optional[typing.Sequence[typing.Union[typing.Union["_cdktn_78ede62e.FileProvisioner", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.LocalExecProvisioner", typing.Dict[builtins.str, typing.Any]], typing.Union["_cdktn_78ede62e.RemoteExecProvisioner", typing.Dict[builtins.str, typing.Any]]]]] = None,
    ) -> None:
        '''Create a new {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object rest_object} Resource.

        :param scope: The scope in which to define this construct.
        :param id: The scoped construct ID. Must be unique amongst siblings in the same scope
        :param data: The object, as JSON (``jsonencode({...})``). Only these keys are compared with the server. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#data ObjectResource#data}
        :param path: Collection path, relative to the provider's base_url (e.g. ``/security/key-managers``). Changing it replaces the object. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#path ObjectResource#path}
        :param create_method: Method of the create call (default ``POST``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#create_method ObjectResource#create_method}
        :param create_path: Path of the create call (default ``{path}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#create_path ObjectResource#create_path}
        :param destroy_body: JSON body template of the destroy call. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_body ObjectResource#destroy_body}
        :param destroy_method: Method of the destroy call (default ``DELETE``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_method ObjectResource#destroy_method}
        :param destroy_path: Path of the destroy call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_path ObjectResource#destroy_path}
        :param force_new_keys: Keys of ``data`` (paths like ``svm/name``) whose change replaces the object instead of updating it. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#force_new_keys ObjectResource#force_new_keys}
        :param id_attribute: Path into the create response that holds the id (``uuid``, ``records/0/uuid``). Default: ``id``, else ``uuid``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#id_attribute ObjectResource#id_attribute}
        :param id_template: Build the id instead of reading it, for APIs that answer 201/204 without one (e.g. ``{data.server}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#id_template ObjectResource#id_template}
        :param lookup_body: JSON body template of the lookup (e.g. ``{"name": "{data.name}"}``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_body ObjectResource#lookup_body}
        :param lookup_method: Method of the lookup (default ``GET``; ``POST`` for RPC-style reads). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_method ObjectResource#lookup_method}
        :param lookup_path: How to find the object by its natural key, without its id (e.g. ``{path}/{data.server}``, ``{path}?svm.name={data.svm.name}``): after a lost answer, a 5xx or a refusal of the create ("already exists"), the object found this way is taken into state instead of being created twice or left behind. Placeholders: ``{path}``, ``{data.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_path ObjectResource#lookup_path}
        :param lookup_selector: Path into the lookup's answer where the object is (e.g. ``records/0``); absent there (or a 404): not found. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_selector ObjectResource#lookup_selector}
        :param polling: How a ``202 Accepted`` with a job reference is followed until the job ends: ``href_path``: path of the job link in a 202 answer (default ``job/_links/self/href``); ``state_path``: path of the state in the job (default ``state``); ``success_states``: comma-separated states that end the job well (default ``success``); ``failure_states``: comma-separated states that end it badly (default ``failure,error``); ``message_path``: path of the job's message (default ``message``); ``interval_seconds``: seconds between polls (default 0.2); ``timeout_seconds``: give up after this many seconds (default 300); the job's outcome is then unknown; ``enabled``: ``false`` to return a 202 answer without following it. The defaults follow ONTAP jobs. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#polling ObjectResource#polling}
        :param read_body: JSON body template of the read call (e.g. ``{"name": "{data.name}"}``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_body ObjectResource#read_body}
        :param read_method: Method of the read call (default ``GET``; ``POST`` for RPC-style reads). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_method ObjectResource#read_method}
        :param read_path: Path of the read call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_path ObjectResource#read_path}
        :param read_selector: Path into the read response where the object is (e.g. ``records/0``); if absent there, the object is gone. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_selector ObjectResource#read_selector}
        :param response_omit_keys: Keys removed from ``response`` at any depth, besides the keys of write_only_data (default: password, passphrase, existing_passphrase, secret, client_token, dr_operation_token). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#response_omit_keys ObjectResource#response_omit_keys}
        :param set_keys: Keys of ``data`` (paths like ``secondary_key_servers``) holding lists compared as sets: order and repeats do not count, and a server that answers one comma-separated string for such a list is read as the list of its items. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#set_keys ObjectResource#set_keys}
        :param update_body: JSON template merged into every update body (e.g. ``{"uuid": "{id}"}``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_body ObjectResource#update_body}
        :param update_method: Method of the update call (default ``PATCH``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_method ObjectResource#update_method}
        :param update_path: Path of the update call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_path ObjectResource#update_path}
        :param update_sends: ``changed`` (default): only the changed keys of ``data``; ``all``: all of ``data``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_sends ObjectResource#update_sends}
        :param write_only_data: JSON merged into create and update bodies and never stored: passwords, passphrases, tokens. State keeps only a salted digest, so a change still plans an update. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_data ObjectResource#write_only_data}
        :param write_only_on_create: Send write_only_data with the create only, for a value an API takes only when the object is made (a certificate's private key): a change of it alone plans nothing, and an imported object is not updated to send it. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_on_create ObjectResource#write_only_on_create}
        :param connection: 
        :param count: 
        :param depends_on: 
        :param for_each: 
        :param lifecycle: 
        :param provider: 
        :param provisioners: 
        '''
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__10fc5065229ce77d6ac2e3c011afea4ff48a81e6e93ac604f067ca3bc1035c20)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        config = ObjectResourceConfig(
            data=data,
            path=path,
            create_method=create_method,
            create_path=create_path,
            destroy_body=destroy_body,
            destroy_method=destroy_method,
            destroy_path=destroy_path,
            force_new_keys=force_new_keys,
            id_attribute=id_attribute,
            id_template=id_template,
            lookup_body=lookup_body,
            lookup_method=lookup_method,
            lookup_path=lookup_path,
            lookup_selector=lookup_selector,
            polling=polling,
            read_body=read_body,
            read_method=read_method,
            read_path=read_path,
            read_selector=read_selector,
            response_omit_keys=response_omit_keys,
            set_keys=set_keys,
            update_body=update_body,
            update_method=update_method,
            update_path=update_path,
            update_sends=update_sends,
            write_only_data=write_only_data,
            write_only_on_create=write_only_on_create,
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
        '''Generates CDKTN code for importing a ObjectResource resource upon running "cdktn plan ".

        :param scope: The scope in which to define this construct.
        :param import_to_id: The construct id used in the generated config for the ObjectResource to import.
        :param import_from_id: The id of the existing ObjectResource that should be imported. Refer to the {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#import import section} in the documentation of this resource for the id to use
        :param provider: ? Optional instance of the provider where the ObjectResource to import is found.
        '''
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__c671ef4af5927b422b3d523456c527fed12812dd0962c64b8c21ca5e2c622865)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument import_to_id", value=import_to_id, expected_type=type_hints["import_to_id"])
            check_type(argname="argument import_from_id", value=import_from_id, expected_type=type_hints["import_from_id"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
        return typing.cast("_cdktn_78ede62e.ImportableResource", jsii.sinvoke(cls, "generateConfigForImport", [scope, import_to_id, import_from_id, provider]))

    @jsii.member(jsii_name="resetCreateMethod")
    def reset_create_method(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetCreateMethod", []))

    @jsii.member(jsii_name="resetCreatePath")
    def reset_create_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetCreatePath", []))

    @jsii.member(jsii_name="resetDestroyBody")
    def reset_destroy_body(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetDestroyBody", []))

    @jsii.member(jsii_name="resetDestroyMethod")
    def reset_destroy_method(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetDestroyMethod", []))

    @jsii.member(jsii_name="resetDestroyPath")
    def reset_destroy_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetDestroyPath", []))

    @jsii.member(jsii_name="resetForceNewKeys")
    def reset_force_new_keys(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetForceNewKeys", []))

    @jsii.member(jsii_name="resetIdAttribute")
    def reset_id_attribute(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetIdAttribute", []))

    @jsii.member(jsii_name="resetIdTemplate")
    def reset_id_template(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetIdTemplate", []))

    @jsii.member(jsii_name="resetLookupBody")
    def reset_lookup_body(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetLookupBody", []))

    @jsii.member(jsii_name="resetLookupMethod")
    def reset_lookup_method(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetLookupMethod", []))

    @jsii.member(jsii_name="resetLookupPath")
    def reset_lookup_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetLookupPath", []))

    @jsii.member(jsii_name="resetLookupSelector")
    def reset_lookup_selector(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetLookupSelector", []))

    @jsii.member(jsii_name="resetPolling")
    def reset_polling(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetPolling", []))

    @jsii.member(jsii_name="resetReadBody")
    def reset_read_body(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetReadBody", []))

    @jsii.member(jsii_name="resetReadMethod")
    def reset_read_method(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetReadMethod", []))

    @jsii.member(jsii_name="resetReadPath")
    def reset_read_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetReadPath", []))

    @jsii.member(jsii_name="resetReadSelector")
    def reset_read_selector(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetReadSelector", []))

    @jsii.member(jsii_name="resetResponseOmitKeys")
    def reset_response_omit_keys(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetResponseOmitKeys", []))

    @jsii.member(jsii_name="resetSetKeys")
    def reset_set_keys(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetSetKeys", []))

    @jsii.member(jsii_name="resetUpdateBody")
    def reset_update_body(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetUpdateBody", []))

    @jsii.member(jsii_name="resetUpdateMethod")
    def reset_update_method(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetUpdateMethod", []))

    @jsii.member(jsii_name="resetUpdatePath")
    def reset_update_path(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetUpdatePath", []))

    @jsii.member(jsii_name="resetUpdateSends")
    def reset_update_sends(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetUpdateSends", []))

    @jsii.member(jsii_name="resetWriteOnlyData")
    def reset_write_only_data(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetWriteOnlyData", []))

    @jsii.member(jsii_name="resetWriteOnlyOnCreate")
    def reset_write_only_on_create(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetWriteOnlyOnCreate", []))

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
    @jsii.member(jsii_name="response")
    def response(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "response"))

    @builtins.property
    @jsii.member(jsii_name="writeOnlyDataHash")
    def write_only_data_hash(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "writeOnlyDataHash"))

    @builtins.property
    @jsii.member(jsii_name="createMethodInput")
    def create_method_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "createMethodInput"))

    @builtins.property
    @jsii.member(jsii_name="createPathInput")
    def create_path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "createPathInput"))

    @builtins.property
    @jsii.member(jsii_name="dataInput")
    def data_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "dataInput"))

    @builtins.property
    @jsii.member(jsii_name="destroyBodyInput")
    def destroy_body_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "destroyBodyInput"))

    @builtins.property
    @jsii.member(jsii_name="destroyMethodInput")
    def destroy_method_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "destroyMethodInput"))

    @builtins.property
    @jsii.member(jsii_name="destroyPathInput")
    def destroy_path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "destroyPathInput"))

    @builtins.property
    @jsii.member(jsii_name="forceNewKeysInput")
    def force_new_keys_input(self) -> typing.Optional[typing.List[builtins.str]]:
        return typing.cast(typing.Optional[typing.List[builtins.str]], jsii.get(self, "forceNewKeysInput"))

    @builtins.property
    @jsii.member(jsii_name="idAttributeInput")
    def id_attribute_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "idAttributeInput"))

    @builtins.property
    @jsii.member(jsii_name="idTemplateInput")
    def id_template_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "idTemplateInput"))

    @builtins.property
    @jsii.member(jsii_name="lookupBodyInput")
    def lookup_body_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "lookupBodyInput"))

    @builtins.property
    @jsii.member(jsii_name="lookupMethodInput")
    def lookup_method_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "lookupMethodInput"))

    @builtins.property
    @jsii.member(jsii_name="lookupPathInput")
    def lookup_path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "lookupPathInput"))

    @builtins.property
    @jsii.member(jsii_name="lookupSelectorInput")
    def lookup_selector_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "lookupSelectorInput"))

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
    @jsii.member(jsii_name="readSelectorInput")
    def read_selector_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "readSelectorInput"))

    @builtins.property
    @jsii.member(jsii_name="responseOmitKeysInput")
    def response_omit_keys_input(self) -> typing.Optional[typing.List[builtins.str]]:
        return typing.cast(typing.Optional[typing.List[builtins.str]], jsii.get(self, "responseOmitKeysInput"))

    @builtins.property
    @jsii.member(jsii_name="setKeysInput")
    def set_keys_input(self) -> typing.Optional[typing.List[builtins.str]]:
        return typing.cast(typing.Optional[typing.List[builtins.str]], jsii.get(self, "setKeysInput"))

    @builtins.property
    @jsii.member(jsii_name="updateBodyInput")
    def update_body_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "updateBodyInput"))

    @builtins.property
    @jsii.member(jsii_name="updateMethodInput")
    def update_method_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "updateMethodInput"))

    @builtins.property
    @jsii.member(jsii_name="updatePathInput")
    def update_path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "updatePathInput"))

    @builtins.property
    @jsii.member(jsii_name="updateSendsInput")
    def update_sends_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "updateSendsInput"))

    @builtins.property
    @jsii.member(jsii_name="writeOnlyDataInput")
    def write_only_data_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "writeOnlyDataInput"))

    @builtins.property
    @jsii.member(jsii_name="writeOnlyOnCreateInput")
    def write_only_on_create_input(
        self,
    ) -> typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]]:
        return typing.cast(typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]], jsii.get(self, "writeOnlyOnCreateInput"))

    @builtins.property
    @jsii.member(jsii_name="createMethod")
    def create_method(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "createMethod"))

    @create_method.setter
    def create_method(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__94984e65d4f0ee392f2a7ad74e63d65653b7d20e92fa9ba7aec63d309d290cf4)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "createMethod", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="createPath")
    def create_path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "createPath"))

    @create_path.setter
    def create_path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__48d7863845897dad5743889bcc05d2f1706fa9b4cd95511b7740742131ea4a75)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "createPath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="data")
    def data(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "data"))

    @data.setter
    def data(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__67e08606990767a73eb4517ecfcc4aaa0e4b45599b94ac750c9e549cb958eebe)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "data", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="destroyBody")
    def destroy_body(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "destroyBody"))

    @destroy_body.setter
    def destroy_body(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__9cc097f3e76b38caa400559a2f2f56b52660bdba16bd044472c9005aa1232caf)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "destroyBody", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="destroyMethod")
    def destroy_method(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "destroyMethod"))

    @destroy_method.setter
    def destroy_method(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__3fafc318efaff40c88998a6ed78af87fd12f90e1a85af5153aed0d96e5272a88)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "destroyMethod", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="destroyPath")
    def destroy_path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "destroyPath"))

    @destroy_path.setter
    def destroy_path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__39f5eed5e96be4932557b027acbf03af48b9267224cca5ddd76760b331bc6fd0)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "destroyPath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="forceNewKeys")
    def force_new_keys(self) -> typing.List[builtins.str]:
        return typing.cast(typing.List[builtins.str], jsii.get(self, "forceNewKeys"))

    @force_new_keys.setter
    def force_new_keys(self, value: typing.List[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__c1bdd1440e3fd55a268193dbb1c62a273e2586bd2b206782306ecd0a17376672)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "forceNewKeys", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="idAttribute")
    def id_attribute(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "idAttribute"))

    @id_attribute.setter
    def id_attribute(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__7a294fe91b5eeee78a2ac4078f9cf487243f68779e7a9725e67bd6d1d77c98c2)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "idAttribute", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="idTemplate")
    def id_template(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "idTemplate"))

    @id_template.setter
    def id_template(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__a6a2a15ffbea5f30f936337a1567b9d36819365eb77d38288de6ca0edf18a7af)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "idTemplate", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="lookupBody")
    def lookup_body(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "lookupBody"))

    @lookup_body.setter
    def lookup_body(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__ebc79604ce3416697ba398e520ab3a108278534926fd54f72d853acf9b3b1437)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "lookupBody", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="lookupMethod")
    def lookup_method(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "lookupMethod"))

    @lookup_method.setter
    def lookup_method(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__2c19edbe7b33dfbd4b2c6996acb5dbca1410d3c56120e6b32390c38926074d94)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "lookupMethod", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="lookupPath")
    def lookup_path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "lookupPath"))

    @lookup_path.setter
    def lookup_path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__7f5e1f4321caf2e7c3567603bc8bc23699042c1aa160f691e27891c5dd542d65)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "lookupPath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="lookupSelector")
    def lookup_selector(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "lookupSelector"))

    @lookup_selector.setter
    def lookup_selector(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__0367c822ec9ba906fb1dc6ecfb2991c9e6579dd3bc610a7a885b8e4677bd16f9)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "lookupSelector", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="path")
    def path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "path"))

    @path.setter
    def path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__813637f0c9dd86caf66355c852c2333a5d9097b1df7537c9054e344e406f3968)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "path", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="polling")
    def polling(self) -> typing.Mapping[builtins.str, builtins.str]:
        return typing.cast(typing.Mapping[builtins.str, builtins.str], jsii.get(self, "polling"))

    @polling.setter
    def polling(self, value: typing.Mapping[builtins.str, builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__4cf8041cf81208e2b794c771b1d8091ba6284d2b5a37f17840e00998cbabcdbc)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "polling", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="readBody")
    def read_body(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "readBody"))

    @read_body.setter
    def read_body(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__531c3ed93ec06a9944dc1728c589eb0bb6df97fa08a03cb76f47d9e3e64d1570)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "readBody", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="readMethod")
    def read_method(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "readMethod"))

    @read_method.setter
    def read_method(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__085cccfae8d223a6c25b161400dd32f76c735d941ee97b49f63fcd3ad558aac7)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "readMethod", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="readPath")
    def read_path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "readPath"))

    @read_path.setter
    def read_path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__e414656088206bbaf321d762de968289a2f5702564dd8680f32edfd888ae4fd8)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "readPath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="readSelector")
    def read_selector(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "readSelector"))

    @read_selector.setter
    def read_selector(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__be7862f980aab5b97d3e7a416148d9af0e220c4474ef78f9f2529c13e6263f96)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "readSelector", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="responseOmitKeys")
    def response_omit_keys(self) -> typing.List[builtins.str]:
        return typing.cast(typing.List[builtins.str], jsii.get(self, "responseOmitKeys"))

    @response_omit_keys.setter
    def response_omit_keys(self, value: typing.List[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__9a8e1d4d8f2e447626f182c3047f65377a5fcf96ed4f579cad857504c5aebd6d)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "responseOmitKeys", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="setKeys")
    def set_keys(self) -> typing.List[builtins.str]:
        return typing.cast(typing.List[builtins.str], jsii.get(self, "setKeys"))

    @set_keys.setter
    def set_keys(self, value: typing.List[builtins.str]) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__033a7f781a4f854d67318a19f88eda3bd856a841fca7b7283eb5e40b1bfeb9f3)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "setKeys", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="updateBody")
    def update_body(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "updateBody"))

    @update_body.setter
    def update_body(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__235639182ce4c36142330ea294821bd98e02349a2aaee0a12c73c4b60facb577)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "updateBody", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="updateMethod")
    def update_method(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "updateMethod"))

    @update_method.setter
    def update_method(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__b5aabbc9756fb964a932ad459c2633033ed90b11a2666d4ab38a8685c3c8bd04)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "updateMethod", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="updatePath")
    def update_path(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "updatePath"))

    @update_path.setter
    def update_path(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__366b3cc937b1980fdaf123654d0e165b36a4dea7fd5a80696da7a627a62c800c)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "updatePath", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="updateSends")
    def update_sends(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "updateSends"))

    @update_sends.setter
    def update_sends(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__719f47aa2b043bcaf6a22647ebdf79577b1edbbe861eb8459cc81b4cff3be589)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "updateSends", value) # pyright: ignore[reportArgumentType]

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
            type_hints = typing.get_type_hints(_typecheckingstub__0b23be1983ad23d8ade076c237e19e0e42f998eb07d090c8bc3367f0eee88bd8)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "writeOnlyData", value) # pyright: ignore[reportArgumentType]

    @builtins.property
    @jsii.member(jsii_name="writeOnlyOnCreate")
    def write_only_on_create(
        self,
    ) -> typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]:
        return typing.cast(typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"], jsii.get(self, "writeOnlyOnCreate"))

    @write_only_on_create.setter
    def write_only_on_create(
        self,
        value: typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"],
    ) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__b93512a9dc6f36db85b0db658ee55c14412fe077beda95966580c651335476f6)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "writeOnlyOnCreate", value) # pyright: ignore[reportArgumentType]


@jsii.data_type(
    jsii_type="rest.objectResource.ObjectResourceConfig",
    jsii_struct_bases=[_cdktn_78ede62e.TerraformMetaArguments],
    name_mapping={
        "connection": "connection",
        "count": "count",
        "depends_on": "dependsOn",
        "for_each": "forEach",
        "lifecycle": "lifecycle",
        "provider": "provider",
        "provisioners": "provisioners",
        "data": "data",
        "path": "path",
        "create_method": "createMethod",
        "create_path": "createPath",
        "destroy_body": "destroyBody",
        "destroy_method": "destroyMethod",
        "destroy_path": "destroyPath",
        "force_new_keys": "forceNewKeys",
        "id_attribute": "idAttribute",
        "id_template": "idTemplate",
        "lookup_body": "lookupBody",
        "lookup_method": "lookupMethod",
        "lookup_path": "lookupPath",
        "lookup_selector": "lookupSelector",
        "polling": "polling",
        "read_body": "readBody",
        "read_method": "readMethod",
        "read_path": "readPath",
        "read_selector": "readSelector",
        "response_omit_keys": "responseOmitKeys",
        "set_keys": "setKeys",
        "update_body": "updateBody",
        "update_method": "updateMethod",
        "update_path": "updatePath",
        "update_sends": "updateSends",
        "write_only_data": "writeOnlyData",
        "write_only_on_create": "writeOnlyOnCreate",
    },
)
class ObjectResourceConfig(_cdktn_78ede62e.TerraformMetaArguments):
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
        data: builtins.str,
        path: builtins.str,
        create_method: typing.Optional[builtins.str] = None,
        create_path: typing.Optional[builtins.str] = None,
        destroy_body: typing.Optional[builtins.str] = None,
        destroy_method: typing.Optional[builtins.str] = None,
        destroy_path: typing.Optional[builtins.str] = None,
        force_new_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
        id_attribute: typing.Optional[builtins.str] = None,
        id_template: typing.Optional[builtins.str] = None,
        lookup_body: typing.Optional[builtins.str] = None,
        lookup_method: typing.Optional[builtins.str] = None,
        lookup_path: typing.Optional[builtins.str] = None,
        lookup_selector: typing.Optional[builtins.str] = None,
        polling: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        read_body: typing.Optional[builtins.str] = None,
        read_method: typing.Optional[builtins.str] = None,
        read_path: typing.Optional[builtins.str] = None,
        read_selector: typing.Optional[builtins.str] = None,
        response_omit_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
        set_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
        update_body: typing.Optional[builtins.str] = None,
        update_method: typing.Optional[builtins.str] = None,
        update_path: typing.Optional[builtins.str] = None,
        update_sends: typing.Optional[builtins.str] = None,
        write_only_data: typing.Optional[builtins.str] = None,
        write_only_on_create: typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]] = None,
    ) -> None:
        '''
        :param connection: 
        :param count: 
        :param depends_on: 
        :param for_each: 
        :param lifecycle: 
        :param provider: 
        :param provisioners: 
        :param data: The object, as JSON (``jsonencode({...})``). Only these keys are compared with the server. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#data ObjectResource#data}
        :param path: Collection path, relative to the provider's base_url (e.g. ``/security/key-managers``). Changing it replaces the object. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#path ObjectResource#path}
        :param create_method: Method of the create call (default ``POST``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#create_method ObjectResource#create_method}
        :param create_path: Path of the create call (default ``{path}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#create_path ObjectResource#create_path}
        :param destroy_body: JSON body template of the destroy call. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_body ObjectResource#destroy_body}
        :param destroy_method: Method of the destroy call (default ``DELETE``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_method ObjectResource#destroy_method}
        :param destroy_path: Path of the destroy call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_path ObjectResource#destroy_path}
        :param force_new_keys: Keys of ``data`` (paths like ``svm/name``) whose change replaces the object instead of updating it. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#force_new_keys ObjectResource#force_new_keys}
        :param id_attribute: Path into the create response that holds the id (``uuid``, ``records/0/uuid``). Default: ``id``, else ``uuid``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#id_attribute ObjectResource#id_attribute}
        :param id_template: Build the id instead of reading it, for APIs that answer 201/204 without one (e.g. ``{data.server}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#id_template ObjectResource#id_template}
        :param lookup_body: JSON body template of the lookup (e.g. ``{"name": "{data.name}"}``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_body ObjectResource#lookup_body}
        :param lookup_method: Method of the lookup (default ``GET``; ``POST`` for RPC-style reads). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_method ObjectResource#lookup_method}
        :param lookup_path: How to find the object by its natural key, without its id (e.g. ``{path}/{data.server}``, ``{path}?svm.name={data.svm.name}``): after a lost answer, a 5xx or a refusal of the create ("already exists"), the object found this way is taken into state instead of being created twice or left behind. Placeholders: ``{path}``, ``{data.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_path ObjectResource#lookup_path}
        :param lookup_selector: Path into the lookup's answer where the object is (e.g. ``records/0``); absent there (or a 404): not found. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_selector ObjectResource#lookup_selector}
        :param polling: How a ``202 Accepted`` with a job reference is followed until the job ends: ``href_path``: path of the job link in a 202 answer (default ``job/_links/self/href``); ``state_path``: path of the state in the job (default ``state``); ``success_states``: comma-separated states that end the job well (default ``success``); ``failure_states``: comma-separated states that end it badly (default ``failure,error``); ``message_path``: path of the job's message (default ``message``); ``interval_seconds``: seconds between polls (default 0.2); ``timeout_seconds``: give up after this many seconds (default 300); the job's outcome is then unknown; ``enabled``: ``false`` to return a 202 answer without following it. The defaults follow ONTAP jobs. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#polling ObjectResource#polling}
        :param read_body: JSON body template of the read call (e.g. ``{"name": "{data.name}"}``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_body ObjectResource#read_body}
        :param read_method: Method of the read call (default ``GET``; ``POST`` for RPC-style reads). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_method ObjectResource#read_method}
        :param read_path: Path of the read call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_path ObjectResource#read_path}
        :param read_selector: Path into the read response where the object is (e.g. ``records/0``); if absent there, the object is gone. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_selector ObjectResource#read_selector}
        :param response_omit_keys: Keys removed from ``response`` at any depth, besides the keys of write_only_data (default: password, passphrase, existing_passphrase, secret, client_token, dr_operation_token). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#response_omit_keys ObjectResource#response_omit_keys}
        :param set_keys: Keys of ``data`` (paths like ``secondary_key_servers``) holding lists compared as sets: order and repeats do not count, and a server that answers one comma-separated string for such a list is read as the list of its items. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#set_keys ObjectResource#set_keys}
        :param update_body: JSON template merged into every update body (e.g. ``{"uuid": "{id}"}``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_body ObjectResource#update_body}
        :param update_method: Method of the update call (default ``PATCH``). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_method ObjectResource#update_method}
        :param update_path: Path of the update call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_path ObjectResource#update_path}
        :param update_sends: ``changed`` (default): only the changed keys of ``data``; ``all``: all of ``data``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_sends ObjectResource#update_sends}
        :param write_only_data: JSON merged into create and update bodies and never stored: passwords, passphrases, tokens. State keeps only a salted digest, so a change still plans an update. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_data ObjectResource#write_only_data}
        :param write_only_on_create: Send write_only_data with the create only, for a value an API takes only when the object is made (a certificate's private key): a change of it alone plans nothing, and an imported object is not updated to send it. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_on_create ObjectResource#write_only_on_create}
        '''
        if isinstance(lifecycle, dict):
            lifecycle = _cdktn_78ede62e.TerraformResourceLifecycle(**lifecycle)
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__20fd924f81bf60baddccc663f365205e42b07b974b2b34a3f1e7205cd532d6bc)
            check_type(argname="argument connection", value=connection, expected_type=type_hints["connection"])
            check_type(argname="argument count", value=count, expected_type=type_hints["count"])
            check_type(argname="argument depends_on", value=depends_on, expected_type=type_hints["depends_on"])
            check_type(argname="argument for_each", value=for_each, expected_type=type_hints["for_each"])
            check_type(argname="argument lifecycle", value=lifecycle, expected_type=type_hints["lifecycle"])
            check_type(argname="argument provider", value=provider, expected_type=type_hints["provider"])
            check_type(argname="argument provisioners", value=provisioners, expected_type=type_hints["provisioners"])
            check_type(argname="argument data", value=data, expected_type=type_hints["data"])
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
            check_type(argname="argument create_method", value=create_method, expected_type=type_hints["create_method"])
            check_type(argname="argument create_path", value=create_path, expected_type=type_hints["create_path"])
            check_type(argname="argument destroy_body", value=destroy_body, expected_type=type_hints["destroy_body"])
            check_type(argname="argument destroy_method", value=destroy_method, expected_type=type_hints["destroy_method"])
            check_type(argname="argument destroy_path", value=destroy_path, expected_type=type_hints["destroy_path"])
            check_type(argname="argument force_new_keys", value=force_new_keys, expected_type=type_hints["force_new_keys"])
            check_type(argname="argument id_attribute", value=id_attribute, expected_type=type_hints["id_attribute"])
            check_type(argname="argument id_template", value=id_template, expected_type=type_hints["id_template"])
            check_type(argname="argument lookup_body", value=lookup_body, expected_type=type_hints["lookup_body"])
            check_type(argname="argument lookup_method", value=lookup_method, expected_type=type_hints["lookup_method"])
            check_type(argname="argument lookup_path", value=lookup_path, expected_type=type_hints["lookup_path"])
            check_type(argname="argument lookup_selector", value=lookup_selector, expected_type=type_hints["lookup_selector"])
            check_type(argname="argument polling", value=polling, expected_type=type_hints["polling"])
            check_type(argname="argument read_body", value=read_body, expected_type=type_hints["read_body"])
            check_type(argname="argument read_method", value=read_method, expected_type=type_hints["read_method"])
            check_type(argname="argument read_path", value=read_path, expected_type=type_hints["read_path"])
            check_type(argname="argument read_selector", value=read_selector, expected_type=type_hints["read_selector"])
            check_type(argname="argument response_omit_keys", value=response_omit_keys, expected_type=type_hints["response_omit_keys"])
            check_type(argname="argument set_keys", value=set_keys, expected_type=type_hints["set_keys"])
            check_type(argname="argument update_body", value=update_body, expected_type=type_hints["update_body"])
            check_type(argname="argument update_method", value=update_method, expected_type=type_hints["update_method"])
            check_type(argname="argument update_path", value=update_path, expected_type=type_hints["update_path"])
            check_type(argname="argument update_sends", value=update_sends, expected_type=type_hints["update_sends"])
            check_type(argname="argument write_only_data", value=write_only_data, expected_type=type_hints["write_only_data"])
            check_type(argname="argument write_only_on_create", value=write_only_on_create, expected_type=type_hints["write_only_on_create"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "data": data,
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
        if create_method is not None:
            self._values["create_method"] = create_method
        if create_path is not None:
            self._values["create_path"] = create_path
        if destroy_body is not None:
            self._values["destroy_body"] = destroy_body
        if destroy_method is not None:
            self._values["destroy_method"] = destroy_method
        if destroy_path is not None:
            self._values["destroy_path"] = destroy_path
        if force_new_keys is not None:
            self._values["force_new_keys"] = force_new_keys
        if id_attribute is not None:
            self._values["id_attribute"] = id_attribute
        if id_template is not None:
            self._values["id_template"] = id_template
        if lookup_body is not None:
            self._values["lookup_body"] = lookup_body
        if lookup_method is not None:
            self._values["lookup_method"] = lookup_method
        if lookup_path is not None:
            self._values["lookup_path"] = lookup_path
        if lookup_selector is not None:
            self._values["lookup_selector"] = lookup_selector
        if polling is not None:
            self._values["polling"] = polling
        if read_body is not None:
            self._values["read_body"] = read_body
        if read_method is not None:
            self._values["read_method"] = read_method
        if read_path is not None:
            self._values["read_path"] = read_path
        if read_selector is not None:
            self._values["read_selector"] = read_selector
        if response_omit_keys is not None:
            self._values["response_omit_keys"] = response_omit_keys
        if set_keys is not None:
            self._values["set_keys"] = set_keys
        if update_body is not None:
            self._values["update_body"] = update_body
        if update_method is not None:
            self._values["update_method"] = update_method
        if update_path is not None:
            self._values["update_path"] = update_path
        if update_sends is not None:
            self._values["update_sends"] = update_sends
        if write_only_data is not None:
            self._values["write_only_data"] = write_only_data
        if write_only_on_create is not None:
            self._values["write_only_on_create"] = write_only_on_create

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
    def data(self) -> builtins.str:
        '''The object, as JSON (``jsonencode({...})``). Only these keys are compared with the server.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#data ObjectResource#data}
        '''
        result = self._values.get("data")
        assert result is not None, "Required property 'data' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def path(self) -> builtins.str:
        '''Collection path, relative to the provider's base_url (e.g. ``/security/key-managers``). Changing it replaces the object.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#path ObjectResource#path}
        '''
        result = self._values.get("path")
        assert result is not None, "Required property 'path' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def create_method(self) -> typing.Optional[builtins.str]:
        '''Method of the create call (default ``POST``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#create_method ObjectResource#create_method}
        '''
        result = self._values.get("create_method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def create_path(self) -> typing.Optional[builtins.str]:
        '''Path of the create call (default ``{path}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#create_path ObjectResource#create_path}
        '''
        result = self._values.get("create_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destroy_body(self) -> typing.Optional[builtins.str]:
        '''JSON body template of the destroy call.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_body ObjectResource#destroy_body}
        '''
        result = self._values.get("destroy_body")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destroy_method(self) -> typing.Optional[builtins.str]:
        '''Method of the destroy call (default ``DELETE``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_method ObjectResource#destroy_method}
        '''
        result = self._values.get("destroy_method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destroy_path(self) -> typing.Optional[builtins.str]:
        '''Path of the destroy call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#destroy_path ObjectResource#destroy_path}
        '''
        result = self._values.get("destroy_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def force_new_keys(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Keys of ``data`` (paths like ``svm/name``) whose change replaces the object instead of updating it.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#force_new_keys ObjectResource#force_new_keys}
        '''
        result = self._values.get("force_new_keys")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def id_attribute(self) -> typing.Optional[builtins.str]:
        '''Path into the create response that holds the id (``uuid``, ``records/0/uuid``). Default: ``id``, else ``uuid``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#id_attribute ObjectResource#id_attribute}
        '''
        result = self._values.get("id_attribute")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def id_template(self) -> typing.Optional[builtins.str]:
        '''Build the id instead of reading it, for APIs that answer 201/204 without one (e.g. ``{data.server}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#id_template ObjectResource#id_template}
        '''
        result = self._values.get("id_template")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def lookup_body(self) -> typing.Optional[builtins.str]:
        '''JSON body template of the lookup (e.g. ``{"name": "{data.name}"}``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_body ObjectResource#lookup_body}
        '''
        result = self._values.get("lookup_body")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def lookup_method(self) -> typing.Optional[builtins.str]:
        '''Method of the lookup (default ``GET``; ``POST`` for RPC-style reads).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_method ObjectResource#lookup_method}
        '''
        result = self._values.get("lookup_method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def lookup_path(self) -> typing.Optional[builtins.str]:
        '''How to find the object by its natural key, without its id (e.g. ``{path}/{data.server}``, ``{path}?svm.name={data.svm.name}``): after a lost answer, a 5xx or a refusal of the create ("already exists"), the object found this way is taken into state instead of being created twice or left behind. Placeholders: ``{path}``, ``{data.<key>}``, ``{secret.<name>}``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_path ObjectResource#lookup_path}
        '''
        result = self._values.get("lookup_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def lookup_selector(self) -> typing.Optional[builtins.str]:
        '''Path into the lookup's answer where the object is (e.g. ``records/0``); absent there (or a 404): not found.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#lookup_selector ObjectResource#lookup_selector}
        '''
        result = self._values.get("lookup_selector")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def polling(self) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''How a ``202 Accepted`` with a job reference is followed until the job ends: ``href_path``: path of the job link in a 202 answer (default ``job/_links/self/href``);

        ``state_path``: path of the state in the job (default ``state``); ``success_states``: comma-separated states that end the job well (default ``success``); ``failure_states``: comma-separated states that end it badly (default ``failure,error``); ``message_path``: path of the job's message (default ``message``); ``interval_seconds``: seconds between polls (default 0.2); ``timeout_seconds``: give up after this many seconds (default 300); the job's outcome is then unknown; ``enabled``: ``false`` to return a 202 answer without following it. The defaults follow ONTAP jobs.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#polling ObjectResource#polling}
        '''
        result = self._values.get("polling")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def read_body(self) -> typing.Optional[builtins.str]:
        '''JSON body template of the read call (e.g. ``{"name": "{data.name}"}``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_body ObjectResource#read_body}
        '''
        result = self._values.get("read_body")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read_method(self) -> typing.Optional[builtins.str]:
        '''Method of the read call (default ``GET``; ``POST`` for RPC-style reads).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_method ObjectResource#read_method}
        '''
        result = self._values.get("read_method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read_path(self) -> typing.Optional[builtins.str]:
        '''Path of the read call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_path ObjectResource#read_path}
        '''
        result = self._values.get("read_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read_selector(self) -> typing.Optional[builtins.str]:
        '''Path into the read response where the object is (e.g. ``records/0``); if absent there, the object is gone.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#read_selector ObjectResource#read_selector}
        '''
        result = self._values.get("read_selector")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def response_omit_keys(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Keys removed from ``response`` at any depth, besides the keys of write_only_data (default: password, passphrase, existing_passphrase, secret, client_token, dr_operation_token).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#response_omit_keys ObjectResource#response_omit_keys}
        '''
        result = self._values.get("response_omit_keys")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def set_keys(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Keys of ``data`` (paths like ``secondary_key_servers``) holding lists compared as sets: order and repeats do not count, and a server that answers one comma-separated string for such a list is read as the list of its items.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#set_keys ObjectResource#set_keys}
        '''
        result = self._values.get("set_keys")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def update_body(self) -> typing.Optional[builtins.str]:
        '''JSON template merged into every update body (e.g. ``{"uuid": "{id}"}``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_body ObjectResource#update_body}
        '''
        result = self._values.get("update_body")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def update_method(self) -> typing.Optional[builtins.str]:
        '''Method of the update call (default ``PATCH``).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_method ObjectResource#update_method}
        '''
        result = self._values.get("update_method")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def update_path(self) -> typing.Optional[builtins.str]:
        '''Path of the update call (default ``{path}/{id}``). Placeholders: ``{path}``, ``{id}``, ``{data.<key>}``, ``{response.<key>}``, ``{secret.<name>}``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_path ObjectResource#update_path}
        '''
        result = self._values.get("update_path")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def update_sends(self) -> typing.Optional[builtins.str]:
        '''``changed`` (default): only the changed keys of ``data``; ``all``: all of ``data``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#update_sends ObjectResource#update_sends}
        '''
        result = self._values.get("update_sends")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def write_only_data(self) -> typing.Optional[builtins.str]:
        '''JSON merged into create and update bodies and never stored: passwords, passphrases, tokens.

        State keeps only a salted digest, so a change still plans an update.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_data ObjectResource#write_only_data}
        '''
        result = self._values.get("write_only_data")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def write_only_on_create(
        self,
    ) -> typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]]:
        '''Send write_only_data with the create only, for a value an API takes only when the object is made (a certificate's private key): a change of it alone plans nothing, and an imported object is not updated to send it.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_on_create ObjectResource#write_only_on_create}
        '''
        result = self._values.get("write_only_on_create")
        return typing.cast(typing.Optional[typing.Union[builtins.bool, "_cdktn_78ede62e.IResolvable"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "ObjectResourceConfig(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "ObjectResource",
    "ObjectResourceConfig",
]

publication.publish()

def _typecheckingstub__10fc5065229ce77d6ac2e3c011afea4ff48a81e6e93ac604f067ca3bc1035c20(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    data: builtins.str,
    path: builtins.str,
    create_method: typing.Optional[builtins.str] = None,
    create_path: typing.Optional[builtins.str] = None,
    destroy_body: typing.Optional[builtins.str] = None,
    destroy_method: typing.Optional[builtins.str] = None,
    destroy_path: typing.Optional[builtins.str] = None,
    force_new_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
    id_attribute: typing.Optional[builtins.str] = None,
    id_template: typing.Optional[builtins.str] = None,
    lookup_body: typing.Optional[builtins.str] = None,
    lookup_method: typing.Optional[builtins.str] = None,
    lookup_path: typing.Optional[builtins.str] = None,
    lookup_selector: typing.Optional[builtins.str] = None,
    polling: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    read_body: typing.Optional[builtins.str] = None,
    read_method: typing.Optional[builtins.str] = None,
    read_path: typing.Optional[builtins.str] = None,
    read_selector: typing.Optional[builtins.str] = None,
    response_omit_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
    set_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
    update_body: typing.Optional[builtins.str] = None,
    update_method: typing.Optional[builtins.str] = None,
    update_path: typing.Optional[builtins.str] = None,
    update_sends: typing.Optional[builtins.str] = None,
    write_only_data: typing.Optional[builtins.str] = None,
    write_only_on_create: typing.Optional[typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable]] = None,
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

def _typecheckingstub__c671ef4af5927b422b3d523456c527fed12812dd0962c64b8c21ca5e2c622865(
    scope: _constructs_77d1e7e8.Construct,
    import_to_id: builtins.str,
    import_from_id: builtins.str,
    provider: typing.Optional[_cdktn_78ede62e.TerraformProvider] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__94984e65d4f0ee392f2a7ad74e63d65653b7d20e92fa9ba7aec63d309d290cf4(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__48d7863845897dad5743889bcc05d2f1706fa9b4cd95511b7740742131ea4a75(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__67e08606990767a73eb4517ecfcc4aaa0e4b45599b94ac750c9e549cb958eebe(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9cc097f3e76b38caa400559a2f2f56b52660bdba16bd044472c9005aa1232caf(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3fafc318efaff40c88998a6ed78af87fd12f90e1a85af5153aed0d96e5272a88(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__39f5eed5e96be4932557b027acbf03af48b9267224cca5ddd76760b331bc6fd0(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c1bdd1440e3fd55a268193dbb1c62a273e2586bd2b206782306ecd0a17376672(
    value: typing.List[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7a294fe91b5eeee78a2ac4078f9cf487243f68779e7a9725e67bd6d1d77c98c2(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a6a2a15ffbea5f30f936337a1567b9d36819365eb77d38288de6ca0edf18a7af(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ebc79604ce3416697ba398e520ab3a108278534926fd54f72d853acf9b3b1437(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2c19edbe7b33dfbd4b2c6996acb5dbca1410d3c56120e6b32390c38926074d94(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7f5e1f4321caf2e7c3567603bc8bc23699042c1aa160f691e27891c5dd542d65(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0367c822ec9ba906fb1dc6ecfb2991c9e6579dd3bc610a7a885b8e4677bd16f9(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__813637f0c9dd86caf66355c852c2333a5d9097b1df7537c9054e344e406f3968(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__4cf8041cf81208e2b794c771b1d8091ba6284d2b5a37f17840e00998cbabcdbc(
    value: typing.Mapping[builtins.str, builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__531c3ed93ec06a9944dc1728c589eb0bb6df97fa08a03cb76f47d9e3e64d1570(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__085cccfae8d223a6c25b161400dd32f76c735d941ee97b49f63fcd3ad558aac7(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e414656088206bbaf321d762de968289a2f5702564dd8680f32edfd888ae4fd8(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__be7862f980aab5b97d3e7a416148d9af0e220c4474ef78f9f2529c13e6263f96(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9a8e1d4d8f2e447626f182c3047f65377a5fcf96ed4f579cad857504c5aebd6d(
    value: typing.List[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__033a7f781a4f854d67318a19f88eda3bd856a841fca7b7283eb5e40b1bfeb9f3(
    value: typing.List[builtins.str],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__235639182ce4c36142330ea294821bd98e02349a2aaee0a12c73c4b60facb577(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b5aabbc9756fb964a932ad459c2633033ed90b11a2666d4ab38a8685c3c8bd04(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__366b3cc937b1980fdaf123654d0e165b36a4dea7fd5a80696da7a627a62c800c(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__719f47aa2b043bcaf6a22647ebdf79577b1edbbe861eb8459cc81b4cff3be589(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0b23be1983ad23d8ade076c237e19e0e42f998eb07d090c8bc3367f0eee88bd8(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b93512a9dc6f36db85b0db658ee55c14412fe077beda95966580c651335476f6(
    value: typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__20fd924f81bf60baddccc663f365205e42b07b974b2b34a3f1e7205cd532d6bc(
    *,
    connection: typing.Optional[typing.Union[typing.Union[_cdktn_78ede62e.SSHProvisionerConnection, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.WinrmProvisionerConnection, typing.Dict[builtins.str, typing.Any]]]] = None,
    count: typing.Optional[typing.Union[jsii.Number, _cdktn_78ede62e.TerraformCount]] = None,
    depends_on: typing.Optional[typing.Sequence[_cdktn_78ede62e.ITerraformDependable]] = None,
    for_each: typing.Optional[_cdktn_78ede62e.ITerraformIterator] = None,
    lifecycle: typing.Optional[typing.Union[_cdktn_78ede62e.TerraformResourceLifecycle, typing.Dict[builtins.str, typing.Any]]] = None,
    provider: typing.Optional[_cdktn_78ede62e.TerraformProvider] = None,
    provisioners: typing.Optional[typing.Sequence[typing.Union[typing.Union[_cdktn_78ede62e.FileProvisioner, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.LocalExecProvisioner, typing.Dict[builtins.str, typing.Any]], typing.Union[_cdktn_78ede62e.RemoteExecProvisioner, typing.Dict[builtins.str, typing.Any]]]]] = None,
    data: builtins.str,
    path: builtins.str,
    create_method: typing.Optional[builtins.str] = None,
    create_path: typing.Optional[builtins.str] = None,
    destroy_body: typing.Optional[builtins.str] = None,
    destroy_method: typing.Optional[builtins.str] = None,
    destroy_path: typing.Optional[builtins.str] = None,
    force_new_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
    id_attribute: typing.Optional[builtins.str] = None,
    id_template: typing.Optional[builtins.str] = None,
    lookup_body: typing.Optional[builtins.str] = None,
    lookup_method: typing.Optional[builtins.str] = None,
    lookup_path: typing.Optional[builtins.str] = None,
    lookup_selector: typing.Optional[builtins.str] = None,
    polling: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    read_body: typing.Optional[builtins.str] = None,
    read_method: typing.Optional[builtins.str] = None,
    read_path: typing.Optional[builtins.str] = None,
    read_selector: typing.Optional[builtins.str] = None,
    response_omit_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
    set_keys: typing.Optional[typing.Sequence[builtins.str]] = None,
    update_body: typing.Optional[builtins.str] = None,
    update_method: typing.Optional[builtins.str] = None,
    update_path: typing.Optional[builtins.str] = None,
    update_sends: typing.Optional[builtins.str] = None,
    write_only_data: typing.Optional[builtins.str] = None,
    write_only_on_create: typing.Optional[typing.Union[builtins.bool, _cdktn_78ede62e.IResolvable]] = None,
) -> None:
    """Type checking stubs"""
    pass
