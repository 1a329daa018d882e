"""The `balto` command and the local tools it runs; never shipped to Lambda."""
