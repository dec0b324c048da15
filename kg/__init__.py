"""kg: Vietnamese government reports -> a knowledge graph of organizations, officials, directives."""

__version__ = "0.1.0"
