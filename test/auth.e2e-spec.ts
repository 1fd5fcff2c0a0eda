import { TestApp } from './support/test-app';

describe('auth', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<TestApp['factory']['world']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    world = await t.factory.world();
  });

  afterAll(() => t.close());

  it('signs in and returns a token pair', async () => {
    const { counselor } = world.users;
    const response = await t.http
      .post('/api/v1/auth/login')
      .send({ username: counselor.username, password: 'correct horse battery staple' })
      .expect(200);
    expect(response.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { id: counselor.id, role: 'counselor', displayName: counselor.displayName },
    });
  });
});
