"""Hook: differences between the hosted build and the offline (file://) bundle.

The offline bundle must not depend on a CDN or on instant navigation, which
browsers refuse for file:// pages. The iframe-worker shim comes from npm
(node_modules, installed by `npm ci`) and is copied into the bundle with its
MIT licence, which asks that copies carry the notice. Listing the shim under
``extra.polyfills`` before the offline plugin runs stops the plugin from adding
its unpkg.com script.
"""

from pathlib import Path

from guide.addresses import hosted_address
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

SHIM_PACKAGE = Path("node_modules/iframe-worker")
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
SHIPPED_FILES = {
    SHIM_URI: SHIM_PACKAGE / "shim/index.js",
    "assets/javascripts/iframe-worker-shim.LICENSE.txt": SHIM_PACKAGE / "LICENSE",
}
INSTANT_FEATURES = ("navigation.instant", "navigation.instant.progress", "navigation.instant.prefetch")


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)  # before the offline plugin, which adds a CDN shim unless one is listed
def on_config(config):
    if not _offline(config):
        return config
    features = config.theme["features"]
    features[:] = [f for f in features if f not in INSTANT_FEATURES]
    polyfills = config.extra.setdefault("polyfills", [])
    if SHIM_URI not in polyfills:
        polyfills.append(SHIM_URI)
    return config


def on_files(files, config):
    if not _offline(config):
        return files
    root = Path(config.config_file_path).parent
    for uri, source in SHIPPED_FILES.items():
        if not (root / source).is_file():
            raise PluginError(f"{source} is missing: run `npm ci` (or `make offline`, which does it)")
        files.append(File.generated(config, uri, abs_src_path=str(root / source)))
    return files


def on_page_context(context, page, config, nav):
    """Offline pages name their hosted twin as canonical, not a .html address the host never serves."""
    if _offline(config) and config.site_url:
        page.canonical_url = hosted_address(config.site_url, page.file.src_uri)
    return context
