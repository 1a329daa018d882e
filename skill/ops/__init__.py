"""Tools for whoever runs the deployed skill: reading what its logs say (never on Lambda)."""
