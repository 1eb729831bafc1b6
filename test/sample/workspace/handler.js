module.exports.hello = async () => ({ statusCode: 200, body: 'hello' });
