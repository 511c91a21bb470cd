"""A small LLM backend with the mistakes async-lint exists to catch.

Run `async-lint check examples/` to see them; each is explained by
`async-lint rule <CODE>`.
"""

import asyncio
import json
import subprocess
import threading
import time

import requests
from fastapi import FastAPI

app = FastAPI()
usage_lock = threading.Lock()
usage: dict[str, int] = {}


async def complete(prompt: str) -> str:
    await asyncio.sleep(0.1)  # stands in for a model call
    return prompt.upper()


@app.post("/chat")
async def chat(prompt: str) -> dict:
    with open("prompts/system.txt") as f:  # read on every request, on the event loop
        system = f.read()
    for attempt in range(3):
        try:
            answer = await complete(system + prompt)
            break
        except TimeoutError:
            time.sleep(2**attempt)  # freezes every other request while it backs off
    with usage_lock:  # a thread lock, waited for on the event loop
        usage[prompt] = usage.get(prompt, 0) + 1
    return {"answer": answer}


@app.post("/tools/search")
async def search(query: str) -> dict:
    response = requests.get("https://search.example.com", params={"q": query}, timeout=10)
    return response.json()


@app.post("/tools/shell")
async def run_tool(command: list[str]) -> str:
    return subprocess.check_output(command, text=True)


@app.get("/config")
async def config() -> dict:
    return json.load(open("config.json"))


@app.post("/summaries")
async def summarize(text: str) -> str:
    return asyncio.run(complete(f"Summarize: {text}"))  # RuntimeError in a running loop


async def background_flush() -> None:
    loop = asyncio.get_event_loop()
    await loop.run_in_executor(None, print, usage)


def read_system_prompt() -> str:
    with open("prompts/system.txt") as handle:  # sync file I/O, fine in sync code
        return handle.read()


def build_messages(question: str) -> list[dict]:
    return [
        {"role": "system", "content": read_system_prompt()},
        {"role": "user", "content": question},
    ]


@app.post("/ask")
async def ask(question: str) -> dict:
    messages = build_messages(question)  # two calls down, it reads a file on the event loop
    return {"messages": messages}
