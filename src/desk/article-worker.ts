/**
 * A worker thread of the parallel per-article step (parallel-analysis.ts): rebuilds the gazetteer from
 * the data it is started with, then analyses each chunk of articles it is sent and replies in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle } from '../analysis/article.ts';
import { buildGazetteer } from '../analysis/gazetteer.ts';
import type { ChunkReply, ChunkRequest, GazetteerSource } from './parallel-analysis.ts';

const port = parentPort;
if (!port) throw new Error('article-worker.ts runs as a worker thread; start it through analyzeArticles');
const source = workerData as GazetteerSource;
const gazetteer = buildGazetteer(source.data, source.file);

port.on('message', ({ index, jobs }: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    reply = { index, analyses: jobs.map((job) => analyzeArticle(job.article, job.passages, gazetteer)) };
  } catch (error) {
    reply = { index, failed: (error as Error).message };
  }
  port.postMessage(reply);
});
