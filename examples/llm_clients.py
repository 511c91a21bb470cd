"""SDK clients used the way that stalls an async backend.

Run `async-lint check examples/` to see them; each is explained by
`async-lint rule <CODE>`.
"""

import httpx
import requests
from fastapi import FastAPI
from langchain_openai import ChatOpenAI
from openai import OpenAI

app = FastAPI()
llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)


class Assistant:
    def __init__(self) -> None:
        self.client = OpenAI()  # sync client, and the SDK's 10-minute default timeout

    async def answer(self, question: str) -> str:
        response = self.client.chat.completions.create(  # blocks the event loop
            model="gpt-4o-mini", messages=[{"role": "user", "content": question}]
        )
        return response.choices[0].message.content or ""


@app.get("/weather")
async def weather(city: str) -> dict:
    async with httpx.AsyncClient(timeout=10) as client:  # a new pool on every request
        return (await client.get(f"https://weather.example.com/{city}")).json()


@app.post("/summaries")
async def summarize(text: str) -> str:
    return llm.invoke(f"Summarize: {text}").content  # `ainvoke` exists


def fetch_report(url: str) -> bytes:
    return requests.get(url).content  # waits forever if the server stops answering
