from fastapi.testclient import TestClient

from main import app

client = TestClient(app)


def test_index_greets():
    response = client.get("/")
    assert response.status_code == 200
    assert response.json() == {"message": "Hello, world"}


def test_health_reports_ok():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_unknown_path_is_not_found():
    assert client.get("/nope").status_code == 404
