"""The web app: JSON API and dashboard pages over a communique store (`communique serve`)."""
from communique.web.app import create_app

__all__ = ["create_app"]
