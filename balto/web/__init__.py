"""The HTTPS web-service front door (`balto serve`): Flask host, Alexa request verification."""
