"""The OpenAPI document says all the API does: every error answer an operation can give,
each with the one error shape (tongket.units.api_types.ErrorOut), and the characters a
string may not carry (refused by the body parser and the edge middleware).

Which errors an operation can give follows from what it reads:
- any operation: 400 (a rule of the data refuses it; the edge refuses a path or query
  holding a control character), 401 (no or a bad token), 404 (not found, or out of the
  user's scope or side: the two answered alike) and 500 (a server error, JSON too);
- one that reads parameters or a body: 422 (not of the documented shape);
- a write: 403 (a right is missing), 409 (someone else changed the same data at the same
  moment, or the data is not ready).
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from tongket.units.api_types import ErrorOut

ERROR_SCHEMA = "ErrorOut"
ERROR_DESCRIPTIONS = {
    400: "Dữ liệu vi phạm một quy định (thông báo tiếng Việt cho từng trường).",
    401: "Chưa đăng nhập, hoặc khóa API sai, đã thu hồi hay đã hết hạn.",
    403: "Không có quyền thực hiện thao tác này.",
    404: "Không tìm thấy, hoặc ngoài phạm vi được xem.",
    409: "Dữ liệu vừa được người khác thay đổi, hoặc chưa đủ để thực hiện.",
    422: "Dữ liệu gửi lên không đúng dạng mô tả trong tài liệu này.",
    500: "Lỗi hệ thống.",
}
WRITE_METHODS = frozenset({"post", "put", "patch", "delete"})
# C0 and C1 control characters (tab and line breaks allowed), U+FFFD, U+FFFE/F: what
# tongket.lib.text.forbidden_characters refuses in a long text. (It refuses lone surrogates
# too, which no UTF-8 JSON text can carry; a class of them would stop generators honouring
# the pattern.)
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd-\uffff]*$"


def error_statuses(method: str, operation: dict[str, Any]) -> list[int]:
    statuses = {400, 401, 404, 500}
    if operation.get("parameters") or "requestBody" in operation:
        statuses.add(422)
    if method in WRITE_METHODS:
        statuses |= {403, 409}
    return sorted(statuses)


def _error_response(status: int) -> dict[str, Any]:
    return {
        "description": ERROR_DESCRIPTIONS[status],
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}}
        },
    }


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def _guard_strings(node: Any) -> None:
    """Every free string (no format, enum or pattern of its own) says which characters it
    may not carry."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"format", "enum", "pattern"} & node.keys():
            node["pattern"] = TEXT_PATTERN
        for key, value in node.items():
            if key not in ("examples", "default", "example"):
                _guard_strings(value)
    elif isinstance(node, list):
        for value in node:
            _guard_strings(value)


def _input_components(schema: dict[str, Any]) -> set[str]:
    """Components a request body uses, directly or through other components."""
    components = schema.get("components", {}).get("schemas", {})
    found: set[str] = set()
    for operations in schema["paths"].values():
        for operation in operations.values():
            _refs(operation.get("requestBody", {}), found)
    pending = set(found)
    while pending:
        inner: set[str] = set()
        _refs(components.get(pending.pop(), {}), inner)
        pending |= inner - found
        found |= inner
    return found


def complete(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error answers and the string rules to ninja's document, in place."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components[ERROR_SCHEMA] = ErrorOut.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    for operations in schema["paths"].values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in error_statuses(method, operation):
                responses.setdefault(status, _error_response(status))
            for parameter in operation.get("parameters", []):
                _guard_strings(parameter.get("schema", {}))
            _guard_strings(operation.get("requestBody", {}))
    for name in _input_components(schema):
        _guard_strings(components[name])
    return schema


class TongketAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return complete(schema)
