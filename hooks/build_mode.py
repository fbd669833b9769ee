"""Hook: differences between the hosted build and the offline (file://) bundle.

The offline bundle must not depend on a CDN or on instant navigation, which
browsers refuse for file:// pages. The iframe-worker shim comes from npm
(node_modules, installed by `npm ci`) and is copied into the bundle.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
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
    config.extra.setdefault("polyfills", []).append(SHIM_URI)
    return config


def on_files(files, config):
    if not _offline(config):
        return files
    shim = Path(config.config_file_path).parent / SHIM_SOURCE
    if not shim.is_file():
        raise PluginError(f"{SHIM_SOURCE} is missing: run `npm ci` (or `make offline`, which does it)")
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(shim)))
    return files
