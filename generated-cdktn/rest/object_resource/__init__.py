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
        api: typing.Optional[builtins.str] = None,
        write_only_data: typing.Optional[builtins.str] = None,
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
        :param api: How the object's API is called, as a JSON object (``jsonencode({...})``), for anything but the defaults (create ``POST {path}``, read ``GET {path}/{id}``, update ``PATCH`` of the changed keys, destroy ``DELETE``; id ``id``, else ``uuid``). Keys, each optional: ``id_attribute``, ``id_template``, ``create_method``, ``create_path``, ``read_method``, ``read_path``, ``read_body``, ``read_selector``, ``update_method``, ``update_path``, ``update_body``, ``update_sends``, ``destroy_method``, ``destroy_path``, ``destroy_body``, ``lookup_path``, ``lookup_method``, ``lookup_body``, ``lookup_selector``, ``force_new_keys``, ``set_keys``, ``response_omit_keys``, ``polling``, ``write_only_on_create``. Bodies (``*_body``) and ``polling`` are objects, ``force_new_keys``, ``set_keys`` and ``response_omit_keys`` lists of strings, ``write_only_on_create`` a boolean; an unknown key is refused at plan. Each key is described in the provider reference (docs/provider.md). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#api ObjectResource#api}
        :param write_only_data: JSON merged into create and update bodies and never stored: passwords, passphrases, tokens. Terraform's private state keeps only a salted digest (never shown), so a change still plans an update, counted by ``write_only_data_version``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_data ObjectResource#write_only_data}
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
            api=api,
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

    @jsii.member(jsii_name="resetApi")
    def reset_api(self) -> None:
        return typing.cast(None, jsii.invoke(self, "resetApi", []))

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
    @jsii.member(jsii_name="response")
    def response(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "response"))

    @builtins.property
    @jsii.member(jsii_name="writeOnlyDataVersion")
    def write_only_data_version(self) -> jsii.Number:
        return typing.cast(jsii.Number, jsii.get(self, "writeOnlyDataVersion"))

    @builtins.property
    @jsii.member(jsii_name="apiInput")
    def api_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "apiInput"))

    @builtins.property
    @jsii.member(jsii_name="dataInput")
    def data_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "dataInput"))

    @builtins.property
    @jsii.member(jsii_name="pathInput")
    def path_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "pathInput"))

    @builtins.property
    @jsii.member(jsii_name="writeOnlyDataInput")
    def write_only_data_input(self) -> typing.Optional[builtins.str]:
        return typing.cast(typing.Optional[builtins.str], jsii.get(self, "writeOnlyDataInput"))

    @builtins.property
    @jsii.member(jsii_name="api")
    def api(self) -> builtins.str:
        return typing.cast(builtins.str, jsii.get(self, "api"))

    @api.setter
    def api(self, value: builtins.str) -> None:
        if __debug__:
            type_hints = typing.get_type_hints(_typecheckingstub__d816afd99c6ffc0c88fb3ea257ba515c3d6e1598bd040f3d5453b5a232ed0c79)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        jsii.set(self, "api", value) # pyright: ignore[reportArgumentType]

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
        "api": "api",
        "write_only_data": "writeOnlyData",
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
        api: typing.Optional[builtins.str] = None,
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
        :param data: The object, as JSON (``jsonencode({...})``). Only these keys are compared with the server. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#data ObjectResource#data}
        :param path: Collection path, relative to the provider's base_url (e.g. ``/security/key-managers``). Changing it replaces the object. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#path ObjectResource#path}
        :param api: How the object's API is called, as a JSON object (``jsonencode({...})``), for anything but the defaults (create ``POST {path}``, read ``GET {path}/{id}``, update ``PATCH`` of the changed keys, destroy ``DELETE``; id ``id``, else ``uuid``). Keys, each optional: ``id_attribute``, ``id_template``, ``create_method``, ``create_path``, ``read_method``, ``read_path``, ``read_body``, ``read_selector``, ``update_method``, ``update_path``, ``update_body``, ``update_sends``, ``destroy_method``, ``destroy_path``, ``destroy_body``, ``lookup_path``, ``lookup_method``, ``lookup_body``, ``lookup_selector``, ``force_new_keys``, ``set_keys``, ``response_omit_keys``, ``polling``, ``write_only_on_create``. Bodies (``*_body``) and ``polling`` are objects, ``force_new_keys``, ``set_keys`` and ``response_omit_keys`` lists of strings, ``write_only_on_create`` a boolean; an unknown key is refused at plan. Each key is described in the provider reference (docs/provider.md). Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#api ObjectResource#api}
        :param write_only_data: JSON merged into create and update bodies and never stored: passwords, passphrases, tokens. Terraform's private state keeps only a salted digest (never shown), so a change still plans an update, counted by ``write_only_data_version``. Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_data ObjectResource#write_only_data}
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
            check_type(argname="argument api", value=api, expected_type=type_hints["api"])
            check_type(argname="argument write_only_data", value=write_only_data, expected_type=type_hints["write_only_data"])
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
        if api is not None:
            self._values["api"] = api
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
    def api(self) -> typing.Optional[builtins.str]:
        '''How the object's API is called, as a JSON object (``jsonencode({...})``), for anything but the defaults (create ``POST {path}``, read ``GET {path}/{id}``, update ``PATCH`` of the changed keys, destroy ``DELETE``; id ``id``, else ``uuid``). Keys, each optional: ``id_attribute``, ``id_template``, ``create_method``, ``create_path``, ``read_method``, ``read_path``, ``read_body``, ``read_selector``, ``update_method``, ``update_path``, ``update_body``, ``update_sends``, ``destroy_method``, ``destroy_path``, ``destroy_body``, ``lookup_path``, ``lookup_method``, ``lookup_body``, ``lookup_selector``, ``force_new_keys``, ``set_keys``, ``response_omit_keys``, ``polling``, ``write_only_on_create``. Bodies (``*_body``) and ``polling`` are objects, ``force_new_keys``, ``set_keys`` and ``response_omit_keys`` lists of strings, ``write_only_on_create`` a boolean; an unknown key is refused at plan. Each key is described in the provider reference (docs/provider.md).

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#api ObjectResource#api}
        '''
        result = self._values.get("api")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def write_only_data(self) -> typing.Optional[builtins.str]:
        '''JSON merged into create and update bodies and never stored: passwords, passphrases, tokens.

        Terraform's private state keeps only a salted digest (never shown), so a change still plans an update, counted by ``write_only_data_version``.

        Docs at Terraform Registry: {@link https://keyform.local/providers/keyform/rest/0.1.0/docs/resources/object#write_only_data ObjectResource#write_only_data}
        '''
        result = self._values.get("write_only_data")
        return typing.cast(typing.Optional[builtins.str], result)

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
    api: typing.Optional[builtins.str] = None,
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

def _typecheckingstub__c671ef4af5927b422b3d523456c527fed12812dd0962c64b8c21ca5e2c622865(
    scope: _constructs_77d1e7e8.Construct,
    import_to_id: builtins.str,
    import_from_id: builtins.str,
    provider: typing.Optional[_cdktn_78ede62e.TerraformProvider] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d816afd99c6ffc0c88fb3ea257ba515c3d6e1598bd040f3d5453b5a232ed0c79(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__67e08606990767a73eb4517ecfcc4aaa0e4b45599b94ac750c9e549cb958eebe(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__813637f0c9dd86caf66355c852c2333a5d9097b1df7537c9054e344e406f3968(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0b23be1983ad23d8ade076c237e19e0e42f998eb07d090c8bc3367f0eee88bd8(
    value: builtins.str,
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
    api: typing.Optional[builtins.str] = None,
    write_only_data: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
