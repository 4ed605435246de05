"""`dateline lsp` driven as a real client drives it (pytest-lsp), every response read into the LSP types
of `lsprotocol` (a response that does not fit its type fails), and pytest-lsp's checks of results
against the client's capabilities turned into errors (pytest.ini). The corpus is the example corpus,
copied to a temporary folder. Run by tests/conformance.sh, which installs pytest-lsp once."""

import asyncio
import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("DATELINE_BIN", str(REPO / "target" / "release" / "dateline"))
DENIAL = "2026-03-09-warsaw-courier-denial.txt"
TRIP = "2026-03-05-baltic-wire-pm-trip.md"

SERVER = ClientServerConfig(server_command=[BIN, "lsp"])


def corpus(tmp: pathlib.Path) -> pathlib.Path:
    root = tmp / "corpus"
    shutil.copytree(REPO / "examples" / "corpus", root)
    return root


def capabilities() -> types.ClientCapabilities:
    """A client like VS Code's: markdown hovers, links in definitions, UTF-16, related information."""
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf16]
        ),
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(
                content_format=[types.MarkupKind.Markdown, types.MarkupKind.PlainText]
            ),
            definition=types.DefinitionClientCapabilities(link_support=False),
            document_symbol=types.DocumentSymbolClientCapabilities(
                hierarchical_document_symbol_support=True
            ),
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=True
            ),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(
                        value_set=[types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite]
                    )
                )
            ),
        ),
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(
                document_changes=True,
                resource_operations=[types.ResourceOperationKind.Create],
            )
        ),
        window=types.WindowClientCapabilities(work_done_progress=True),
    )


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, tmp_path: pathlib.Path):
    root = corpus(tmp_path)
    lsp_client.root = root
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="corpus")],
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def uninitialized(lsp_client: LanguageClient):
    """A server started and not yet initialized: the test sends what it sends."""
    yield


def uri(client: LanguageClient, name: str) -> str:
    return (client.root / name).as_uri()


def position(client: LanguageClient, name: str, needle: str) -> types.Position:
    """The position of `needle` in the article, in UTF-16 units."""
    text = (client.root / name).read_text(encoding="utf-8")
    before = text[: text.index(needle)]
    line = before.count("\n")
    column = len(before.rsplit("\n", 1)[-1].encode("utf-16-le")) // 2
    return types.Position(line=line, character=column)


async def diagnostics_of(client: LanguageClient, name: str) -> list[types.Diagnostic]:
    """The diagnostics published for an article, waiting up to ten seconds for them."""
    for _ in range(100):
        found = client.diagnostics.get(uri(client, name))
        if found:
            return list(found)
        await asyncio.sleep(0.1)
    return []


async def test_initialize_advertises_every_feature_and_the_encoding(uninitialized, tmp_path):
    lsp_client = uninitialized
    root = corpus(tmp_path)
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="corpus")],
        )
    )
    caps = result.capabilities
    assert caps.position_encoding == types.PositionEncodingKind.Utf16
    assert caps.hover_provider and caps.definition_provider and caps.references_provider
    assert caps.document_symbol_provider and caps.workspace_symbol_provider
    assert result.server_info is not None and result.server_info.name == "dateline"
    await lsp_client.shutdown_session()


async def test_the_denied_claim_is_published_with_related_information(client):
    trip = await diagnostics_of(client, TRIP)
    assert trip, "no diagnostics for the reported trip"
    denied = [d for d in trip if d.code == "denied-claim"]
    assert denied and denied[0].severity == types.DiagnosticSeverity.Warning
    assert denied[0].related_information
    assert denied[0].related_information[0].location.uri == uri(client, DENIAL)


async def test_every_request_answers_in_its_type(client):
    await diagnostics_of(client, TRIP)
    doc = types.TextDocumentIdentifier(uri=uri(client, DENIAL))
    name = position(client, DENIAL, "Zielinski denied")
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=name))
    assert isinstance(hover, types.Hover)
    assert "Piotr Zielinski" in hover.contents.value
    definition = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=position(client, DENIAL, "visit Oslo"))
    )
    assert definition is None or isinstance(definition, (types.Location, list))
    references = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc,
            position=name,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert references and all(isinstance(r, types.Location) for r in references)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc)
    )
    assert symbols and all(isinstance(s, types.DocumentSymbol) for s in symbols)
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="Zielinski"))
    assert found and any("Zielinski" in s.name for s in found)
    claim = position(client, TRIP, "reportedly")
    trip = types.TextDocumentIdentifier(uri=uri(client, TRIP))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=trip,
            range=types.Range(start=claim, end=claim),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert actions and all(isinstance(a, types.CodeAction) for a in actions)
    ignore = [a for a in actions if a.title.startswith("Ignore this finding")]
    assert ignore and isinstance(ignore[0].edit, types.WorkspaceEdit)
    highlights = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(text_document=doc, position=name)
    )
    assert highlights and all(isinstance(h, types.DocumentHighlight) for h in highlights)


async def test_what_the_server_sends_on_its_own_fits_its_type(uninitialized, tmp_path):
    """Progress (created, begun, reported, ended: pytest-lsp warns of an unknown or repeated token), log
    messages, the registration of a file watcher, and the pull of the configuration, each read into its
    lsprotocol type."""
    lsp_client = uninitialized
    registrations: list[types.RegistrationParams] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        registrations.append(params)

    root = corpus(tmp_path)
    caps = capabilities()
    caps.workspace = types.WorkspaceClientCapabilities(
        configuration=True,
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
            dynamic_registration=True
        ),
    )
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="corpus")],
        )
    )
    lsp_client.root = root
    await diagnostics_of(lsp_client, TRIP)
    for _ in range(100):
        if any(m.message.startswith("indexed ") for m in lsp_client.log_messages):
            break
        await asyncio.sleep(0.1)
    logs = lsp_client.log_messages
    assert logs and all(isinstance(m, types.LogMessageParams) for m in logs)
    assert any(m.message.startswith("indexed ") and m.type == types.MessageType.Info for m in logs)
    assert lsp_client.progress_reports, "indexing reports progress"
    for token, values in lsp_client.progress_reports.items():
        assert isinstance(values[0], types.WorkDoneProgressBegin), token
        assert isinstance(values[-1], types.WorkDoneProgressEnd), token
        middle = values[1:-1]
        assert all(isinstance(v, types.WorkDoneProgressReport) for v in middle), token
        percentages = [v.percentage for v in middle if v.percentage is not None]
        assert percentages == sorted(percentages) and all(0 <= p <= 100 for p in percentages)
    assert registrations, "a file watcher is registered"
    watch = registrations[0].registrations[0]
    assert watch.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    options = lsp_client.protocol._converter.structure(
        watch.register_options, types.DidChangeWatchedFilesRegistrationOptions
    )
    assert options.watchers
    # a change of settings: the server pulls them (answered by pytest-lsp from its configuration)
    lsp_client.set_configuration({"severity": {"denied-claim": "error"}}, section="dateline")
    lsp_client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings=None)
    )
    for _ in range(100):
        trip = lsp_client.diagnostics.get(uri(lsp_client, TRIP), [])
        if any(d.code == "denied-claim" and d.severity == types.DiagnosticSeverity.Error for d in trip):
            break
        await asyncio.sleep(0.1)
    else:
        raise AssertionError("the pulled settings made the denied claim an error")
    await lsp_client.shutdown_session()


async def test_open_edit_and_close_a_document(client):
    await diagnostics_of(client, TRIP)
    doc_uri = uri(client, DENIAL)
    text = (client.root / DENIAL).read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=doc_uri, language_id="plaintext", version=1, text=text)
        )
    )

    def denied() -> list:
        return [d for d in client.diagnostics.get(uri(client, TRIP), []) if d.code == "denied-claim"]

    # the denial rewritten as a weather report: the trip is no longer denied
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=doc_uri, version=2),
            content_changes=[
                types.TextDocumentContentChangeWholeDocument(text="Rain is expected in Warsaw.\n")
            ],
        )
    )
    for _ in range(100):
        if not denied():
            break
        await asyncio.sleep(0.1)
    assert not denied()
    # closed unsaved: the file on disk, which denies it, counts again
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=doc_uri))
    )
    for _ in range(100):
        if denied():
            break
        await asyncio.sleep(0.1)
    assert denied()


async def test_a_cancelled_request_ends_and_the_server_serves_on(client):
    await diagnostics_of(client, TRIP)
    doc = types.TextDocumentIdentifier(uri=uri(client, DENIAL))
    pending = client.protocol.send_request(
        types.WORKSPACE_SYMBOL, types.WorkspaceSymbolParams(query=""), msg_id=4242
    )
    client.cancel_request(types.CancelParams(id=4242))
    # answered all the same, or refused as cancelled: either way it ends
    try:
        result = await asyncio.wait_for(asyncio.wrap_future(pending), timeout=10)
        assert result is None or isinstance(result, list)
    except JsonRpcException as e:
        assert "-32800" in str(e) or "cancel" in str(e).lower(), str(e)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc, position=position(client, DENIAL, "Zielinski denied"))
    )
    assert hover is not None


async def test_an_unknown_method_is_method_not_found(client):
    with pytest.raises(JsonRpcException) as e:
        await client.protocol.send_request_async("dateline/unknown", {})
    assert "-32601" in str(e.value) or "not found" in str(e.value).lower()


async def test_a_request_before_initialize_is_an_error(uninitialized):
    lsp_client = uninitialized
    # no capabilities declared yet: pytest-lsp's checks of the answer against them are skipped
    lsp_client.capabilities = types.ClientCapabilities()
    with pytest.raises(JsonRpcException) as e:
        await lsp_client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri="file:///nowhere.txt"),
                position=types.Position(line=0, character=0),
            )
        )
    assert "-32002" in str(e.value) or "initialize" in str(e.value).lower()
    # nothing to shut down; the server ends at `exit` (pytest-lsp waits for it to)
    lsp_client.capabilities = None
    lsp_client.exit(None)
    await asyncio.wait_for(lsp_client._server.wait(), timeout=10)


async def test_requests_after_shutdown_are_refused_and_exit_ends_the_server(uninitialized, tmp_path):
    lsp_client = uninitialized
    root = corpus(tmp_path)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="corpus")],
        )
    )
    await lsp_client.shutdown_async(None)
    try:
        with pytest.raises(JsonRpcException) as e:
            await asyncio.wait_for(
                lsp_client.text_document_hover_async(
                    types.HoverParams(
                        text_document=types.TextDocumentIdentifier(uri=(root / DENIAL).as_uri()),
                        position=types.Position(line=0, character=0),
                    )
                ),
                timeout=10,
            )
        assert "-32600" in str(e.value) or "invalid request" in str(e.value).lower()
    finally:
        # shut down already: the fixture must not ask again, and waits for the server to end
        lsp_client.capabilities = None
        lsp_client.exit(None)
        code = await asyncio.wait_for(lsp_client._server.wait(), timeout=10)
    assert code == 0
