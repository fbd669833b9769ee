"""Pure building blocks of the Spine Cancer Guide: data models, loaders and renderers.

Nothing here imports MkDocs, so every function can be unit-tested on its own. The
thin files one level up (``hooks/*.py``) wire these functions into MkDocs events.
"""
