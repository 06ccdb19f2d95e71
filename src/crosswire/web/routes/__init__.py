"""The routers that make up the web app, one module per resource (stories, sources, search,
articles, feeds, following, outlets, community): each module's ``router`` serves pages, its
``api`` the same resource as JSON under ``/api``."""
