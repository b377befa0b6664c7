package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func get(t *testing.T, server *httptest.Server, method, path string) (int, map[string]string) {
	t.Helper()
	req, err := http.NewRequest(method, server.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func TestGreeting(t *testing.T) {
	server := httptest.NewServer(routes())
	defer server.Close()
	for path, want := range map[string]string{"/": "Hello, world!", "/?name=slipway": "Hello, slipway!"} {
		status, body := get(t, server, http.MethodGet, path)
		if status != http.StatusOK || body["message"] != want {
			t.Errorf("GET %s = %d %v, want 200 %q", path, status, body, want)
		}
	}
}

func TestHealth(t *testing.T) {
	server := httptest.NewServer(routes())
	defer server.Close()
	if status, body := get(t, server, http.MethodGet, "/health"); status != http.StatusOK || body["status"] != "ok" {
		t.Errorf("GET /health = %d %v", status, body)
	}
	if err := probe(server.URL + "/health"); err != nil {
		t.Errorf("probe of a healthy server: %v", err)
	}
	if err := probe(server.URL + "/missing"); err == nil {
		t.Error("probe of a 404 should fail")
	}
}

func TestRefused(t *testing.T) {
	server := httptest.NewServer(routes())
	defer server.Close()
	if status, _ := get(t, server, http.MethodGet, "/nope"); status != http.StatusNotFound {
		t.Errorf("GET /nope = %d, want 404", status)
	}
	if status, _ := get(t, server, http.MethodPost, "/"); status != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d, want 405", status)
	}
}
