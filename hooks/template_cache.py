"""Hook: keep the theme's compiled templates between builds, as guide/templates.py keeps ours.

MkDocs makes a new Jinja environment for every build, and Material's search plugin makes
two more to translate its messages, so Material's templates were parsed and compiled again
each time: about 170 ms of a build of this site that takes well under a second, and of
every rebuild of ``mkdocs serve``. MkDocs offers no setting for it, so every environment
the theme makes gets the cache as it is made.
"""

from guide.templates import bytecode_cache, theme_bytecode_dir
from guide.wiring import project_root
from mkdocs.plugins import event_priority


@event_priority(200)  # before Material's search plugin makes its environments (on_config)
def on_config(config):
    make_environment, cache = config.theme.get_env, bytecode_cache(theme_bytecode_dir(project_root(config)))

    def environment_with_cache():
        environment = make_environment()
        environment.bytecode_cache = cache
        return environment

    config.theme.get_env = environment_with_cache
    return config
