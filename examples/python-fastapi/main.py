"""A minimal FastAPI service: a greeting and a health endpoint."""
from fastapi import FastAPI

app = FastAPI(title="hello-fastapi")


@app.get("/")
def index() -> dict:
    return {"message": "Hello, world"}


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}
