"""The routers that make up the web app: pages, JSON API, outgoing feeds, community."""
